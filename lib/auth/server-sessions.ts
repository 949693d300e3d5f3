import { db } from "../db/client";

/**
 * Server-side records of signed-in browsers. The JWT still carries who the user is, but it
 * is only honoured while its session row exists and is not revoked: that is what lets a
 * sign-out, a password change or an owner's reset end a token someone copied.
 */

// A JWT is re-issued on use for this long (lib/auth/options.ts); rows idle longer are dead.
export const SESSION_MAX_AGE_S = 12 * 60 * 60;
// lastSeenAt is refreshed at most this often, so a page view is not a write.
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export type ActiveSession = {
  sessionId: string;
  user: { id: string; email: string; name: string };
  mustChangePassword: boolean;
};

export async function createSession(userId: string, meta: { userAgent?: string; address?: string }, now = new Date()): Promise<string> {
  const row = await db().userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, userAgent: (meta.userAgent ?? "").slice(0, 400), ipAddress: (meta.address ?? "").slice(0, 64) },
    select: { id: true },
  });
  return row.id;
}

/**
 * The session's user when the session is live and the account enabled: one indexed query
 * (primary key of UserSession joined to User's), run on every authenticated request.
 */
export async function findActiveSession(sessionId: string, userId: string, now = new Date()): Promise<ActiveSession | null> {
  const rows = await db().$queryRaw<{ id: string; email: string; name: string; mustChangePassword: boolean; stale: boolean }[]>`
    SELECT u."id", u."email", u."name", u."mustChangePassword",
           s."lastSeenAt" < (${new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString()}::timestamptz AT TIME ZONE 'UTC') AS "stale"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND s."userId" = ${userId} AND s."revokedAt" IS NULL AND NOT u."disabled"`;
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db().userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  return { sessionId, user: { id: row.id, email: row.email, name: row.name }, mustChangePassword: row.mustChangePassword };
}

export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Has this user signed in from this address before (a session row still remembers it)? */
export async function isKnownAddress(userId: string, address: string): Promise<boolean> {
  if (address === "unknown") return false;
  return (await db().userSession.count({ where: { userId, ipAddress: address }, take: 1 })) > 0;
}
