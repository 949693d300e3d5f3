import { describe, expect, it } from "vitest";
import { hashPassword } from "../../../lib/auth/password";
import { ACCOUNT_MAX_FAILURES, ADDRESS_MAX_FAILURES, LOCKOUT_MS, MAX_FAILURES, signInWithPassword, type SignInContext } from "../../../lib/auth/sign-in";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();
const PASSWORD = "a long enough password";
// No cleanup unless a test asks for it; a generous global ceiling unless a test sets one.
const at = (address: string, extra: SignInContext = {}): SignInContext => ({ address, random: () => 1, limits: { globalFailuresPerMinute: 10_000 }, ...extra });
const countOf = async (key: string) => (await prisma.loginThrottle.findUnique({ where: { key } }))?.failures ?? 0;

describe("signing in with a password", () => {
  it("accepts the right password, whatever the e-mail's case and spaces, and opens a session", async () => {
    const user = await makeUser(prisma, { email: "ada@example.org", passwordHash: await hashPassword(PASSWORD) });
    const result = await signInWithPassword({ email: "  Ada@Example.org ", password: PASSWORD }, at("10.0.0.1", { userAgent: "Test browser" }));
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: "ada@example.org", name: user.name } });
    const sessionId = result.ok ? result.sessionId : "";
    expect(await prisma.userSession.findUnique({ where: { id: sessionId } })).toMatchObject({ userId: user.id, userAgent: "Test browser", ipAddress: "10.0.0.1", revokedAt: null });
  });

  it("answers a wrong password, an unknown e-mail and a disabled account alike", async () => {
    await makeUser(prisma, { email: "bea@example.org", passwordHash: await hashPassword(PASSWORD) });
    await makeUser(prisma, { email: "off@example.org", passwordHash: await hashPassword(PASSWORD), disabled: true });
    const wrong = await signInWithPassword({ email: "bea@example.org", password: "nope" }, at("10.0.0.2"));
    const unknown = await signInWithPassword({ email: "nobody@example.org", password: PASSWORD }, at("10.0.0.2"));
    const disabled = await signInWithPassword({ email: "off@example.org", password: PASSWORD }, at("10.0.0.2"));
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
    expect(await signInWithPassword({ email: "not an email", password: "" }, at("10.0.0.2"))).toEqual(wrong);
  });

  it("locks an account for one address after repeated failures, even for the right password, until the lockout ends", async () => {
    await makeUser(prisma, { email: "cy@example.org", passwordHash: await hashPassword(PASSWORD) });
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await signInWithPassword({ email: "cy@example.org", password: "wrong" }, at("10.0.0.3", { now: t0 }))).toMatchObject({ reason: "INVALID" });
    }
    expect(await signInWithPassword({ email: "cy@example.org", password: "wrong" }, at("10.0.0.3", { now: t0 }))).toMatchObject({ reason: "RATE_LIMITED" });
    const soon = new Date(t0.getTime() + 60_000);
    expect(await signInWithPassword({ email: "cy@example.org", password: PASSWORD }, at("10.0.0.3", { now: soon }))).toEqual({ ok: false, reason: "RATE_LIMITED" });
    const later = new Date(t0.getTime() + LOCKOUT_MS + 61_000);
    expect(await signInWithPassword({ email: "cy@example.org", password: PASSWORD }, at("10.0.0.3", { now: later }))).toMatchObject({ ok: true });
    // Success clears the pair's count.
    expect(await prisma.loginThrottle.findUnique({ where: { key: "pair:cy@example.org|10.0.0.3" } })).toBeNull();
  });

  it("rate-limits unknown e-mails too, so probing is slowed the same way", async () => {
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await signInWithPassword({ email: "ghost@example.org", password: "x" }, at("10.0.0.4"));
    expect(last).toEqual({ ok: false, reason: "RATE_LIMITED" });
  });

  it("counts 40 parallel wrong passwords as 40, and checks no more than the limit", async () => {
    await makeUser(prisma, { email: "race@example.org", passwordHash: await hashPassword(PASSWORD) });
    const results = await Promise.all(Array.from({ length: 40 }, () => signInWithPassword({ email: "race@example.org", password: "guess" }, at("10.0.0.5"))));
    // Before: read-then-upsert let every guess see the same count, so all 40 were checked (40 INVALID) and counted once.
    expect(results.filter((r) => !r.ok && r.reason === "INVALID")).toHaveLength(MAX_FAILURES - 1);
    expect(await countOf("pair:race@example.org|10.0.0.5")).toBe(40);
    expect(await signInWithPassword({ email: "race@example.org", password: PASSWORD }, at("10.0.0.5"))).toEqual({ ok: false, reason: "RATE_LIMITED" });
  });

  it("a wrong-password spray from one address does not stop the real user signing in from theirs", async () => {
    const victim = await makeUser(prisma, { email: "vic@example.org", passwordHash: await hashPassword(PASSWORD) });
    await Promise.all(Array.from({ length: 25 }, () => signInWithPassword({ email: "vic@example.org", password: "guess" }, at("203.0.113.9"))));
    expect(await signInWithPassword({ email: "vic@example.org", password: PASSWORD }, at("203.0.113.9"))).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: "vic@example.org", password: PASSWORD }, at("198.51.100.7"))).toMatchObject({ ok: true, user: { id: victim.id } });
  });

  it("an address spraying many accounts is refused once past its limit, for any account", async () => {
    await makeUser(prisma, { email: "dee@example.org", passwordHash: await hashPassword(PASSWORD) });
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) await signInWithPassword({ email: `spray${i}@example.org`, password: "guess" }, at("203.0.113.50"));
    expect(await signInWithPassword({ email: "dee@example.org", password: PASSWORD }, at("203.0.113.50"))).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: "dee@example.org", password: PASSWORD }, at("203.0.113.51"))).toMatchObject({ ok: true });
  });

  it("guesses on one account from many addresses stop new addresses, not the places the user signs in from", async () => {
    await makeUser(prisma, { email: "eve@example.org", passwordHash: await hashPassword(PASSWORD) });
    expect(await signInWithPassword({ email: "eve@example.org", password: PASSWORD }, at("192.0.2.1"))).toMatchObject({ ok: true });
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) await signInWithPassword({ email: "eve@example.org", password: "guess" }, at(`203.0.114.${i}`));
    expect(await signInWithPassword({ email: "eve@example.org", password: PASSWORD }, at("203.0.115.1"))).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: "eve@example.org", password: PASSWORD }, at("192.0.2.1"))).toMatchObject({ ok: true });
    // Refused attempts do not feed the account's count.
    expect(await countOf("acct:eve@example.org")).toBe(ACCOUNT_MAX_FAILURES);
  });

  it("past the global ceiling, addresses that have failed wait; a clean address still signs in", async () => {
    await makeUser(prisma, { email: "fay@example.org", passwordHash: await hashPassword(PASSWORD) });
    // Later than the other tests' attempts (the ceiling's row is shared by everything).
    const now = new Date(Date.now() + 24 * 60 * 60_000);
    const ceiling = { now, limits: { globalFailuresPerMinute: 6 } };
    for (let i = 0; i < 6; i++) await signInWithPassword({ email: `nobody${i}@example.org`, password: "guess" }, at(`203.0.116.${i % 2}`, ceiling));
    expect(await signInWithPassword({ email: "fay@example.org", password: PASSWORD }, at("203.0.116.0", ceiling))).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: "fay@example.org", password: PASSWORD }, at("203.0.116.77", ceiling))).toMatchObject({ ok: true });
    // A minute later the ceiling's window has moved on.
    expect(await signInWithPassword({ email: "fay@example.org", password: PASSWORD }, at("203.0.116.0", { ...ceiling, now: new Date(now.getTime() + 61_000) }))).toMatchObject({ ok: true });
  });

  it("deletes stale throttle rows now and then, and keeps live ones", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const old = new Date(now.getTime() - 60 * 60_000);
    await prisma.loginThrottle.createMany({
      data: [
        { key: "pair:stale@example.org|1.1.1.1", failures: 3, windowStart: old },
        { key: "pair:locked@example.org|1.1.1.1", failures: 5, windowStart: old, lockedUntil: new Date(now.getTime() + 60_000) },
        { key: "pair:fresh@example.org|1.1.1.1", failures: 2, windowStart: new Date(now.getTime() - 60_000) },
      ],
    });
    await signInWithPassword({ email: "nobody@example.org", password: "x" }, at("10.9.9.9", { now, random: () => 1 }));
    expect(await countOf("pair:stale@example.org|1.1.1.1")).toBe(3);
    await signInWithPassword({ email: "nobody@example.org", password: "x" }, at("10.9.9.9", { now, random: () => 0 }));
    expect(await prisma.loginThrottle.findUnique({ where: { key: "pair:stale@example.org|1.1.1.1" } })).toBeNull();
    expect(await countOf("pair:locked@example.org|1.1.1.1")).toBe(5);
    expect(await countOf("pair:fresh@example.org|1.1.1.1")).toBe(2);
  });
});
