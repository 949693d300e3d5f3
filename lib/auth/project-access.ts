import type { z } from "zod";
import type { MemberRole } from "../db/generated/enums";
import { AppError, notFound, toActionError, type ActionResult } from "../errors";
import { findMembership } from "../projects/data";
import { hasRole } from "../projects/permissions";
import type { CurrentUser } from "./session";

export type ProjectContext = { user: CurrentUser; projectId: string; role: MemberRole };

export const ARCHIVED_MESSAGE = "This project is archived, so it can be read but not changed. An owner can unarchive it on the project's page.";

/**
 * The caller's access to a project: NOT_FOUND when they are not a member (the same answer
 * as for an id that does not exist, or for a deleted project), FORBIDDEN when they are a
 * member whose role is too low, or when anything above reading is asked of an archived
 * project (`whileArchived` lets the owner's archive and delete controls through).
 */
export async function authorizeProject(user: CurrentUser, projectId: string, atLeast: MemberRole, whileArchived = false): Promise<ProjectContext> {
  const membership = await findMembership(user.id, projectId);
  if (!membership) throw notFound("That project");
  if (!hasRole(membership.role, atLeast)) {
    throw new AppError("FORBIDDEN", atLeast === "owner" ? "Only a project owner can do that." : "Viewers can read this project but not change it.");
  }
  if (membership.archived && atLeast !== "viewer" && !whileArchived) throw new AppError("FORBIDDEN", ARCHIVED_MESSAGE);
  return { user, projectId, role: membership.role };
}

type ProjectInput = { projectId: string };

/**
 * The one path every write takes: parse the input with zod, get the session, check the
 * caller's membership and role in the project the input names, then run the handler.
 * `runProjectAction` takes the user explicitly (tests and scripts call it); `projectAction`
 * (project-action.ts) reads the session for server actions.
 */
export async function runProjectAction<S extends z.ZodType<ProjectInput>, T>(
  user: CurrentUser | null,
  schema: S,
  atLeast: MemberRole,
  handler: (ctx: ProjectContext, input: z.infer<S>) => Promise<T>,
  rawInput: unknown,
  whileArchived = false,
): Promise<ActionResult<T>> {
  return runSignedIn(user, schema, async (me, input) => handler(await authorizeProject(me, input.projectId, atLeast, whileArchived), input), rawInput);
}

type Parser<T> = { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/**
 * Input validation, session and error mapping for an action that is not about one existing
 * project (importing a file as a new project, say): VALIDATION with per-field messages,
 * UNAUTHENTICATED, or the handler's result; errors become values (lib/errors.ts).
 */
export async function runSignedIn<T, R>(user: CurrentUser | null, schema: Parser<T>, handler: (user: CurrentUser, input: T) => Promise<R>, rawInput: unknown): Promise<ActionResult<R>> {
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
    return { ok: false, error: { code: "VALIDATION", message: "Some of what was sent is not valid.", fieldErrors } };
  }
  if (!user) return { ok: false, error: { code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." } };
  try {
    return { ok: true, data: await handler(user, parsed.data) };
  } catch (error) {
    const actionError = toActionError(error);
    if (actionError.code === "INTERNAL") console.error(error);
    return { ok: false, error: actionError };
  }
}
