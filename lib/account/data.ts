import { db } from "../db/client";
import { SESSION_MAX_AGE_S } from "../auth/server-sessions";

export type SessionRow = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string; ipAddress: string };

/** The user's sessions that can still be used (not revoked, used within a token's lifetime), latest first. */
export async function listActiveSessions(userId: string, now = new Date()): Promise<SessionRow[]> {
  return db().userSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gt: new Date(now.getTime() - SESSION_MAX_AGE_S * 1000) } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
  });
}
