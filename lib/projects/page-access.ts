import { notFound } from "next/navigation";
import type { MemberRole } from "../db/generated/enums";
import { requireUser } from "../auth/session";
import { findMembership } from "./data";

/** For pages: the signed-in member and their role, or a 404 for anyone else. */
export async function requireProjectMember(projectId: string, returnTo: string): Promise<{ user: Awaited<ReturnType<typeof requireUser>>; role: MemberRole }> {
  const user = await requireUser(returnTo);
  const membership = await findMembership(user.id, projectId);
  if (!membership) notFound();
  return { user, role: membership.role };
}
