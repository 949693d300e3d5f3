import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record";
import { hashPassword, verifyPassword } from "../auth/password";
import type { ProjectContext } from "../auth/project-access";
import type { ActiveSession } from "../auth/server-sessions";
import { FAILURE_WINDOW_MS, MAX_FAILURES } from "../auth/sign-in";
import { clearKey, countAttempt } from "../auth/throttle";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import type { ChangePasswordInput, ResetMemberPasswordInput } from "./schema";

/**
 * Replaces the signed-in user's password after checking the current one, and ends every
 * other session of theirs (whoever knew the old password may hold one). Wrong current
 * passwords are throttled like sign-ins: a stolen session must not become a password oracle.
 */
export async function changePassword(session: ActiveSession, input: ChangePasswordInput, now = new Date()): Promise<{ otherSessionsEnded: number }> {
  const key = `pwchange:${session.user.id}`;
  const attempts = (await countAttempt([key], FAILURE_WINDOW_MS, now)).get(key)!;
  if (attempts.failures > MAX_FAILURES) throw new AppError("RATE_LIMITED", "Too many wrong current passwords. Wait 15 minutes and try again.");
  const user = await db().user.findUniqueOrThrow({ where: { id: session.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "Your current password is not right; nothing was changed.", { currentPassword: ["Not your current password."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: session.user.id }, data: { passwordHash, mustChangePassword: false } });
    return tx.userSession.updateMany({ where: { userId: session.user.id, id: { not: session.sessionId }, revokedAt: null }, data: { revokedAt: now } });
  });
  await clearKey(key);
  return { otherSessionsEnded: ended.count };
}

/** Ends one of the user's own sessions; another user's session id is NOT_FOUND. */
export async function revokeOwnSession(userId: string, sessionId: string, now = new Date()): Promise<void> {
  const { count } = await db().userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw notFound("That session");
}

export async function revokeOtherSessions(session: ActiveSession, now = new Date()): Promise<{ ended: number }> {
  const { count } = await db().userSession.updateMany({
    where: { userId: session.user.id, id: { not: session.sessionId }, revokedAt: null },
    data: { revokedAt: now },
  });
  return { ended: count };
}

/**
 * A project owner resets a member's password to a random temporary one, shown once to the
 * owner, which the member must replace at their next sign-in. Their sessions end and their
 * sign-in locks are lifted. Only for a member whose every project the owner also owns:
 * otherwise the owner could take over an account that reaches projects they cannot see.
 */
export async function resetMemberPassword(ctx: ProjectContext, input: ResetMemberPasswordInput, now = new Date()) {
  if (input.userId === ctx.user.id) throw new AppError("VALIDATION", "To change your own password, use your account page.");
  const temporaryPassword = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(temporaryPassword);
  const email = await db().$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { projectId_userId: { projectId: ctx.projectId, userId: input.userId } }, include: { user: true } });
    if (!membership) throw notFound("That member");
    const elsewhere = await tx.membership.findMany({ where: { userId: input.userId, projectId: { not: ctx.projectId } }, select: { projectId: true } });
    const owned = await tx.membership.count({ where: { userId: ctx.user.id, role: "owner", projectId: { in: elsewhere.map((m) => m.projectId) } } });
    if (owned < elsewhere.length) {
      throw new AppError("FORBIDDEN", `${membership.user.email} also belongs to projects you do not own, so you cannot reset their password. An administrator can: npm run user:password -- --email ${membership.user.email}`);
    }
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true } });
    await tx.userSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: now } });
    const email = membership.user.email;
    await tx.loginThrottle.deleteMany({ where: { OR: [{ key: { startsWith: `pair:${email}|` } }, { key: `acct:${email}` }] } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "user.password_reset", entity: "User", entityId: input.userId });
    return email;
  });
  return { email, temporaryPassword };
}
