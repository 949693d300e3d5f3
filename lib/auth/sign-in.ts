import { z } from "zod";
import { db } from "../db/client";
import { hashPassword, verifyPassword } from "./password";
import { createSession, isKnownAddress, SESSION_MAX_AGE_S } from "./server-sessions";
import { clearKey, countAttempt, deleteStaleSignInRows, lockKey, uncountAttempt } from "./throttle";

/** Failures of one account from one address before that pair is locked for LOCKOUT_MS. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;
/** Attempts from one address (on any accounts) per window: beyond, the address waits. */
export const ADDRESS_MAX_FAILURES = 30;
/** Failures on one account from all addresses per window: beyond, only addresses it signed in from before may try. */
export const ACCOUNT_MAX_FAILURES = 20;
const GLOBAL_WINDOW_MS = 60_000;
const CLEANUP_PROBABILITY = 0.02;

export type SignInLimits = { globalFailuresPerMinute: number };

/** GROUNDED_LOGIN_GLOBAL_FAILURES_PER_MINUTE (default 120): failures per minute across all accounts and addresses. */
export function limitsFromEnv(env = process.env): SignInLimits {
  const value = Number(env.GROUNDED_LOGIN_GLOBAL_FAILURES_PER_MINUTE);
  return { globalFailuresPerMinute: Number.isInteger(value) && value > 0 ? value : 120 };
}

export type SignInContext = {
  now?: Date;
  /** The client's address (lib/auth/client-address.ts); "unknown" groups every caller without one. */
  address?: string;
  userAgent?: string;
  limits?: SignInLimits;
  /** For the occasional cleanup of stale rows; tests pass () => 0 to force it. */
  random?: () => number;
};

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: "INVALID" | "RATE_LIMITED" };

const INVALID = { ok: false, reason: "INVALID" } as const;
const RATE_LIMITED = { ok: false, reason: "RATE_LIMITED" } as const;

// Verified against when the e-mail is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password and, when they match, opens a server-side session.
 * Unknown e-mail, wrong password and a disabled account all answer INVALID, so the answer
 * never reveals which accounts exist.
 *
 * Throttling, designed so a stranger cannot lock a real user out:
 * - account + address: MAX_FAILURES in the window locks that pair, not the account, so a
 *   spray from one address does not stop the user signing in from theirs;
 * - address: ADDRESS_MAX_FAILURES attempts on any accounts and the address must wait;
 * - account: past ACCOUNT_MAX_FAILURES from many addresses, only addresses the user has
 *   signed in from before may still try (a distributed guesser is stopped, the user's
 *   usual places are not);
 * - global: past the per-minute ceiling, addresses that already failed in the window
 *   wait; addresses with a clean record still get through.
 * Attempts are counted before the password is checked, atomically, so a parallel burst
 * has at most MAX_FAILURES passwords checked.
 */
export async function signInWithPassword(input: unknown, context: SignInContext = {}): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return INVALID;
  const { email, password } = parsed.data;
  const now = context.now ?? new Date();
  const address = context.address ?? "unknown";
  const limits = context.limits ?? limitsFromEnv();
  const keys = { pair: `pair:${email}|${address}`, address: `addr:${address}`, account: `acct:${email}`, global: "global" };

  if ((context.random ?? Math.random)() < CLEANUP_PROBABILITY) {
    await deleteStaleSignInRows(now, FAILURE_WINDOW_MS, SESSION_MAX_AGE_S * 1000).catch((error) => console.error(error));
  }

  // What this address has done: refused attempts count here, so hammering keeps it shut.
  const local = await countAttempt([keys.pair, keys.address], FAILURE_WINDOW_MS, now);
  const pair = local.get(keys.pair)!;
  if (pair.locked || pair.failures > MAX_FAILURES || local.get(keys.address)!.failures > ADDRESS_MAX_FAILURES) return RATE_LIMITED;

  const user = await db().user.findUnique({ where: { email } });
  const [account, global] = await Promise.all([
    countAttempt([keys.account], FAILURE_WINDOW_MS, now).then((m) => m.get(keys.account)!),
    countAttempt([keys.global], GLOBAL_WINDOW_MS, now).then((m) => m.get(keys.global)!),
  ]);
  const addressHasFailed = local.get(keys.address)!.failures > 1;
  const refused =
    (global.failures > limits.globalFailuresPerMinute && addressHasFailed) ||
    (account.failures > ACCOUNT_MAX_FAILURES && !(user && (await isKnownAddress(user.id, address))));
  if (refused) {
    // Not counted against the account or globally: a refused attacker must not keep those up.
    await uncountAttempt([keys.account, keys.global]);
    return RATE_LIMITED;
  }

  decoyHash ??= hashPassword("decoy password for unknown accounts");
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);

  if (user && passwordMatches && !user.disabled) {
    await Promise.all([clearKey(keys.pair), uncountAttempt([keys.address, keys.account, keys.global])]);
    const sessionId = await createSession(user.id, { userAgent: context.userAgent, address }, now);
    return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId };
  }

  if (pair.failures >= MAX_FAILURES) {
    await lockKey(keys.pair, new Date(now.getTime() + LOCKOUT_MS));
    return RATE_LIMITED;
  }
  return INVALID;
}
