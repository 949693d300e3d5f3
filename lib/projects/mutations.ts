import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { InviteMemberInput } from "./schema";

/**
 * Adds a person to the project. A new e-mail needs an initial password (there is no open
 * sign-up); an existing account is added as it is, its password untouched.
 */
export async function inviteMember(ctx: ProjectContext, input: InviteMemberInput) {
  const passwordHash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
  return db().$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: input.email } });
    if (!user) {
      if (!passwordHash) {
        throw new AppError("VALIDATION", "This person has no account yet: give them an initial password.", {
          initialPassword: ["Required for a new account."],
        });
      }
      user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "user.create", entity: "User", entityId: user.id, after: { email: user.email, name: user.name } });
    }
    const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId: ctx.projectId, userId: user.id } } });
    if (existing) throw new AppError("CONFLICT", `${user.email} is already a member of this project (${existing.role}).`);
    const membership = await tx.membership.create({ data: { projectId: ctx.projectId, userId: user.id, role: input.role } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "membership.create", entity: "Membership", entityId: membership.id, after: membership });
    return { userId: user.id, email: user.email, role: membership.role };
  });
}
