import type { z } from "zod";
import type { MemberRole } from "../db/generated/enums";
import { runProjectAction, type ProjectContext } from "./project-access";
import { getCurrentUser } from "./session";

/**
 * A server action over a project: the session's user, then runProjectAction's checks. An
 * archived project refuses every action above reading unless `whileArchived` (archiving
 * itself, deletion).
 */
export function projectAction<S extends z.ZodType<{ projectId: string }>, T>(
  schema: S,
  atLeast: MemberRole,
  handler: (ctx: ProjectContext, input: z.infer<S>) => Promise<T>,
  { whileArchived = false }: { whileArchived?: boolean } = {},
) {
  return async (rawInput: unknown) => runProjectAction(await getCurrentUser(), schema, atLeast, handler, rawInput, whileArchived);
}

