import { notFound } from "next/navigation";
import type { MemberRole } from "../db/generated/enums";
import { requireUser } from "../auth/session";
import { findMembership } from "./data";
import { claimInvitations } from "./invitations";

/**
 * For pages: the signed-in member, their role and whether the project is archived, or a 404
 * for anyone else (and for a deleted project). The role stays the member's own in an archived
 * project, since it also decides what they may read (blind coding); the server refuses the
 * changes (authorizeProject), and pages say the project is read-only.
 */
export async function requireProjectMember(
  projectId: string,
  returnTo: string,
): Promise<{ user: Awaited<ReturnType<typeof requireUser>>; role: MemberRole; archived: boolean }> {
  const user = await requireUser(returnTo);
  // An invited person following a link straight to the project joins it here.
  const membership = (await findMembership(user.id, projectId)) ?? ((await claimInvitations(user)).includes(projectId) ? await findMembership(user.id, projectId) : null);
  if (!membership) notFound();
  return { user, role: membership.role, archived: membership.archived };
}
