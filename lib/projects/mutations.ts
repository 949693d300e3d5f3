import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { InviteMemberInput } from "./schema";

export type Invitation = { email: string; role: InviteMemberInput["role"]; message: string };

/** What the owner is told, the same words whether or not the address has an account. */
export const invitationMessage = (email: string, role: string) =>
  `Invitation recorded for ${email} as ${role}. They get access when they sign in with that address; if they have no account yet, the server's administrator creates one (npm run user:create).`;

/**
 * Invites an e-mail address to the project. The answer, the rows written and the audit
 * entry are the same whether or not an account exists for the address, so an owner cannot
 * use this form to learn who has an account (issue #13). The invitation becomes a
 * membership when that person signs in or an account is made for them (invitations.ts).
 * Inviting again updates the role. A current member is a CONFLICT: the owner sees the
 * member list anyway.
 */
export async function inviteMember(ctx: ProjectContext, input: InviteMemberInput): Promise<Invitation> {
  return db().$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { projectId: ctx.projectId, user: { email: input.email } }, select: { role: true } });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member of this project (${member.role}).`);
    const invitation = await tx.projectInvitation.upsert({
      where: { projectId_email: { projectId: ctx.projectId, email: input.email } },
      create: { projectId: ctx.projectId, email: input.email, role: input.role, invitedById: ctx.user.id },
      update: { role: input.role, invitedById: ctx.user.id },
    });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "invitation.create", entity: "ProjectInvitation", entityId: invitation.id, after: { email: invitation.email, role: invitation.role } });
    return { email: invitation.email, role: invitation.role, message: invitationMessage(invitation.email, invitation.role) };
  });
}
