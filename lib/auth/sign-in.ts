import { z } from "zod";
import { db } from "../db/client";
import { hashPassword, verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "INVALID" | "RATE_LIMITED" };

// Verified against when the e-mail is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password. Unknown e-mail, wrong password and a disabled account
 * all answer INVALID, so the answer never reveals which accounts exist. Failures are
 * counted per e-mail in the database (so every app instance sees them); after
 * MAX_FAILURES within FAILURE_WINDOW_MS the address is locked for LOCKOUT_MS.
 */
export async function signInWithPassword(input: unknown, now = new Date()): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  const { email, password } = parsed.data;
  const prisma = db();

  const throttle = await prisma.loginThrottle.findUnique({ where: { key: email } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) return { ok: false, reason: "RATE_LIMITED" };

  const user = await prisma.user.findUnique({ where: { email } });
  decoyHash ??= hashPassword("decoy password for unknown accounts");
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);

  if (user && passwordMatches && !user.disabled) {
    if (throttle) await prisma.loginThrottle.delete({ where: { key: email } }).catch(() => undefined);
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  }

  const windowOpen = throttle && now.getTime() - throttle.windowStart.getTime() < FAILURE_WINDOW_MS;
  const failures = windowOpen ? throttle.failures + 1 : 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null;
  await prisma.loginThrottle.upsert({
    where: { key: email },
    create: { key: email, failures, windowStart: now, lockedUntil },
    update: { failures, lockedUntil, ...(windowOpen ? {} : { windowStart: now }) },
  });
  return { ok: false, reason: lockedUntil ? "RATE_LIMITED" : "INVALID" };
}
