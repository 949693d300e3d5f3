import { db } from "../db/client";

/**
 * Counters of sign-in attempts in LoginThrottle, one row per key. Every change is a single
 * SQL statement, so N parallel attempts count N: an attempt is counted *before* its password
 * is checked (and uncounted when it succeeds), which is what stops a burst of parallel
 * guesses all being checked against a count that has not moved yet.
 */

export type Counted = { failures: number; locked: boolean };

// Timestamps are stored as UTC "timestamp without time zone" (Prisma's DateTime): convert
// explicitly so the comparison does not depend on the session's TimeZone setting.
const utc = (date: Date) => date.toISOString();

/**
 * Adds one attempt to each key and returns the new counts. A key whose window (windowMs
 * from its first attempt) has passed starts again at 1. Keys are locked in sorted order so
 * two statements touching the same rows cannot deadlock.
 */
export async function countAttempt(keys: string[], windowMs: number, now: Date): Promise<Map<string, Counted>> {
  const sorted = [...new Set(keys)].sort();
  const cutoff = new Date(now.getTime() - windowMs);
  const rows = await db().$queryRaw<{ key: string; failures: number; locked: boolean }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart")
    SELECT k, 1, (${utc(now)}::timestamptz AT TIME ZONE 'UTC') FROM unnest(${sorted}::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."windowStart" > (${utc(cutoff)}::timestamptz AT TIME ZONE 'UTC') THEN t."failures" + 1 ELSE 1 END,
      "windowStart" = CASE WHEN t."windowStart" > (${utc(cutoff)}::timestamptz AT TIME ZONE 'UTC') THEN t."windowStart" ELSE (${utc(now)}::timestamptz AT TIME ZONE 'UTC') END
    RETURNING "key", "failures", coalesce("lockedUntil" > (${utc(now)}::timestamptz AT TIME ZONE 'UTC'), false) AS "locked"`;
  return new Map(rows.map((r) => [r.key, { failures: Number(r.failures), locked: r.locked }]));
}

/** Takes back one attempt (a successful sign-in is not a failure). */
export async function uncountAttempt(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const sorted = [...new Set(keys)].sort();
  await db().$executeRaw`
    UPDATE "LoginThrottle" SET "failures" = "failures" - 1 WHERE "key" = ANY(${sorted}::text[]) AND "failures" > 0`;
}

export async function lockKey(key: string, until: Date): Promise<void> {
  await db().$executeRaw`
    UPDATE "LoginThrottle" SET "lockedUntil" = greatest(coalesce("lockedUntil", '-infinity'), (${utc(until)}::timestamptz AT TIME ZONE 'UTC'))
    WHERE "key" = ${key}`;
}

export async function clearKey(key: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key } });
}

/**
 * Deletes rows whose window and lock are over (they would restart at 1 anyway), and session
 * rows that can no longer be used: revoked, or unused for longer than a token lives.
 */
export async function deleteStaleSignInRows(now: Date, windowMs: number, sessionMaxAgeMs: number): Promise<{ throttles: number; sessions: number }> {
  const cutoff = new Date(now.getTime() - windowMs);
  const throttles = await db().loginThrottle.deleteMany({
    where: { windowStart: { lt: cutoff }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  // Kept a while after they end, so the owner's session list still explains a sign-out.
  const sessionCutoff = new Date(now.getTime() - sessionMaxAgeMs - 30 * 24 * 60 * 60_000);
  const sessions = await db().userSession.deleteMany({
    where: { OR: [{ revokedAt: { lt: sessionCutoff } }, { lastSeenAt: { lt: sessionCutoff } }] },
  });
  return { throttles: throttles.count, sessions: sessions.count };
}
