import { recordAudit } from "../audit/record";
import { db } from "../db/client";

/**
 * Turns the invitations waiting for this person's e-mail into memberships. Called where a
 * person arrives after signing in (the projects page, a project page they were sent to) and
 * where an account is created (npm run user:create), so the invited person ends up a member
 * whether they had an account when invited or got one later. Returns the projects joined.
 */
export async function claimInvitations(user: { id: string; email: string }): Promise<string[]> {
  const email = user.email.trim().toLowerCase();
  // A cheap read first: almost every page view has nothing to claim.
  if ((await db().projectInvitation.count({ where: { email } })) === 0) return [];
  return db().$transaction(async (tx) => {
    const invitations = await tx.projectInvitation.findMany({ where: { email } });
    const joined: string[] = [];
    for (const invitation of invitations) {
      const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId: invitation.projectId, userId: user.id } } });
      if (!existing) {
        const membership = await tx.membership.create({ data: { projectId: invitation.projectId, userId: user.id, role: invitation.role } });
        await recordAudit(tx, { projectId: invitation.projectId, actorId: invitation.invitedById, action: "membership.create", entity: "Membership", entityId: membership.id, after: { ...membership, invitationId: invitation.id } });
        joined.push(invitation.projectId);
      }
    }
    await tx.projectInvitation.deleteMany({ where: { id: { in: invitations.map((i) => i.id) } } });
    return joined;
  });
}
