import { describe, expect, it } from "vitest";
import { hashPassword } from "../../../lib/auth/password";
import { MAX_FAILURES, LOCKOUT_MS, signInWithPassword } from "../../../lib/auth/sign-in";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();
const PASSWORD = "a long enough password";

describe("signing in with a password", () => {
  it("accepts the right password, whatever the e-mail's case and spaces", async () => {
    const user = await makeUser(prisma, { email: "ada@example.org", passwordHash: await hashPassword(PASSWORD) });
    const result = await signInWithPassword({ email: "  Ada@Example.org ", password: PASSWORD });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: "ada@example.org", name: user.name } });
  });

  it("answers a wrong password, an unknown e-mail and a disabled account alike", async () => {
    await makeUser(prisma, { email: "bea@example.org", passwordHash: await hashPassword(PASSWORD) });
    await makeUser(prisma, { email: "off@example.org", passwordHash: await hashPassword(PASSWORD), disabled: true });
    const wrong = await signInWithPassword({ email: "bea@example.org", password: "nope" });
    const unknown = await signInWithPassword({ email: "nobody@example.org", password: PASSWORD });
    const disabled = await signInWithPassword({ email: "off@example.org", password: PASSWORD });
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
    expect(await signInWithPassword({ email: "not an email", password: "" })).toEqual(wrong);
  });

  it("locks an address after repeated failures, even for the right password, until the lockout ends", async () => {
    await makeUser(prisma, { email: "cy@example.org", passwordHash: await hashPassword(PASSWORD) });
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await signInWithPassword({ email: "cy@example.org", password: "wrong" }, t0)).toMatchObject({ reason: "INVALID" });
    }
    expect(await signInWithPassword({ email: "cy@example.org", password: "wrong" }, t0)).toMatchObject({ reason: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: "cy@example.org", password: PASSWORD }, new Date(t0.getTime() + 60_000))).toEqual({
      ok: false,
      reason: "RATE_LIMITED",
    });
    const later = new Date(t0.getTime() + LOCKOUT_MS + 1000);
    expect(await signInWithPassword({ email: "cy@example.org", password: PASSWORD }, later)).toMatchObject({ ok: true });
    // Success clears the count.
    expect(await prisma.loginThrottle.findUnique({ where: { key: "cy@example.org" } })).toBeNull();
  });

  it("rate-limits unknown addresses too, so probing is slowed the same way", async () => {
    const t0 = new Date("2026-01-02T10:00:00Z");
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await signInWithPassword({ email: "ghost@example.org", password: "x" }, t0);
    expect(last).toEqual({ ok: false, reason: "RATE_LIMITED" });
  });
});
