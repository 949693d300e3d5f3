import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { MemberRole } from "../db/generated/enums";
import { AppError, notFound } from "../errors";
import type { ChangeMemberRoleInput, RemoveMemberInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Member = { id: string; userId: string; role: MemberRole };

export const LAST_OWNER_MESSAGE = "A project needs an owner: make another member an owner first.";

/**
 * Changes a member's role. A project never loses its last owner: the owners' rows are locked
 * first, so two owners demoting each other at once cannot both succeed.
 */
export async function changeMemberRole(ctx: ProjectContext, input: ChangeMemberRoleInput): Promise<{ userId: string; role: MemberRole }> {
  return db().$transaction(async (tx) => {
    const { member, owners } = await lockMembers(tx, ctx.projectId, input.userId);
    if (member.role === input.role) return { userId: member.userId, role: member.role };
    if (member.role === "owner" && owners === 1) throw new AppError("CONFLICT", LAST_OWNER_MESSAGE);
    await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "member.role", entity: "Membership", entityId: member.id, before: { userId: member.userId, role: member.role }, after: { userId: member.userId, role: input.role } });
    return { userId: member.userId, role: input.role };
  }, TEAM_WRITE);
}

/**
 * Takes a member off the project. Their codings, memos and decisions stay (they are the
 * study's record, and blind mode and agreement still name them); they lose access at once.
 */
export async function removeMember(ctx: ProjectContext, input: RemoveMemberInput): Promise<{ userId: string }> {
  return db().$transaction(async (tx) => {
    const { member, owners } = await lockMembers(tx, ctx.projectId, input.userId);
    if (member.role === "owner" && owners === 1) throw new AppError("CONFLICT", LAST_OWNER_MESSAGE);
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "member.remove", entity: "Membership", entityId: member.id, before: { userId: member.userId, role: member.role } });
    return { userId: member.userId };
  }, TEAM_WRITE);
}

/** The member's row and the number of owners, with the owners' rows and the member's locked. */
async function lockMembers(tx: Tx, projectId: string, userId: string): Promise<{ member: Member; owners: number }> {
  const rows = await tx.$queryRaw<Member[]>`
    SELECT id, "userId", role::text AS role FROM "Membership"
    WHERE "projectId" = ${projectId} AND (role = 'owner' OR "userId" = ${userId})
    ORDER BY id FOR UPDATE`;
  const member = rows.find((r) => r.userId === userId);
  if (!member) throw notFound("That member");
  return { member, owners: rows.filter((r) => r.role === "owner").length };
}
