import type { Session } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Stands in for the session cookie; the actions, checks and database are real.
const cookie = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => cookie.session }));

const { changePasswordAction } = await import("../../../lib/account/actions");
const { resetMemberPassword, revokeOtherSessions, revokeOwnSession } = await import("../../../lib/account/mutations");
const { resetMemberPasswordSchema } = await import("../../../lib/account/schema");
const { runProjectAction } = await import("../../../lib/auth/project-access");
const { hashPassword } = await import("../../../lib/auth/password");
const { findActiveSession } = await import("../../../lib/auth/server-sessions");
const { getCurrentSession, getCurrentUser } = await import("../../../lib/auth/session");
const { signInWithPassword } = await import("../../../lib/auth/sign-in");
const { makeProject, makeUser } = await import("../helpers/factories");
const { useTestDatabase } = await import("../helpers/test-database");

const { prisma } = await useTestDatabase();
const PASSWORD = "a long enough password";
const NEW_PASSWORD = "another long password";
const signIn = async (email: string, password = PASSWORD, address = "10.0.0.1") => {
  const result = await signInWithPassword({ email, password }, { address, random: () => 1 });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result;
};
const asSession = (s: { user: { id: string; email: string; name: string }; sessionId: string }) => {
  cookie.session = { user: s.user, sessionId: s.sessionId, expires: "" };
};
const userOf = async (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });

beforeEach(() => {
  cookie.session = null;
});

describe("changing your own password", () => {
  it("needs the current password and a long enough new one, then signs out the other sessions only", async () => {
    await makeUser(prisma, { email: "pat@example.org", passwordHash: await hashPassword(PASSWORD) });
    const laptop = await signIn("pat@example.org");
    const phone = await signIn("pat@example.org", PASSWORD, "10.0.0.2");
    asSession(laptop);

    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "short" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { newPassword: [expect.any(String)] } } });
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: PASSWORD })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await changePasswordAction({ currentPassword: "not it", newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { currentPassword: [expect.any(String)] } } });
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ ok: true, data: { otherSessionsEnded: 1 } });

    expect(await findActiveSession(laptop.sessionId, laptop.user.id)).not.toBeNull();
    expect(await findActiveSession(phone.sessionId, phone.user.id)).toBeNull();
    expect(await signInWithPassword({ email: "pat@example.org", password: PASSWORD }, { address: "10.0.0.3", random: () => 1 })).toEqual({ ok: false, reason: "INVALID" });
    await signIn("pat@example.org", NEW_PASSWORD, "10.0.0.3");
  });

  it("is refused without a session, and throttles guesses of the current password", async () => {
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await makeUser(prisma, { email: "quin@example.org", passwordHash: await hashPassword(PASSWORD) });
    asSession(await signIn("quin@example.org"));
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => changePasswordAction({ currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })));
    expect(guesses.filter((g) => !g.ok && g.error.code === "RATE_LIMITED")).toHaveLength(5);
  });
});

describe("listing and ending your sessions", () => {
  it("ends one of your own sessions or all others, never someone else's", async () => {
    await makeUser(prisma, { email: "rae@example.org", passwordHash: await hashPassword(PASSWORD) });
    await makeUser(prisma, { email: "sol@example.org", passwordHash: await hashPassword(PASSWORD) });
    const [a, b, c] = [await signIn("rae@example.org"), await signIn("rae@example.org"), await signIn("rae@example.org")];
    const stranger = await signIn("sol@example.org");
    await expect(revokeOwnSession(a.user.id, stranger.sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findActiveSession(stranger.sessionId, stranger.user.id)).not.toBeNull();

    await revokeOwnSession(a.user.id, b.sessionId);
    expect(await findActiveSession(b.sessionId, a.user.id)).toBeNull();
    const current = (await findActiveSession(a.sessionId, a.user.id))!;
    expect(await revokeOtherSessions(current)).toEqual({ ended: 1 });
    expect(await findActiveSession(c.sessionId, a.user.id)).toBeNull();
    expect(await findActiveSession(a.sessionId, a.user.id)).not.toBeNull();
  });
});

describe("an owner resetting a member's password", () => {
  it("gives a one-time temporary password that must be replaced at the next sign-in, and ends the member's sessions", async () => {
    const owner = await makeUser(prisma, { email: "own@example.org", passwordHash: await hashPassword(PASSWORD) });
    const member = await makeUser(prisma, { email: "mem@example.org", passwordHash: await hashPassword(PASSWORD) });
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: member.id, role: "analyst" }]);
    const before = await signIn("mem@example.org");
    // The member had locked themselves out from home: the reset lifts that too.
    for (let i = 0; i < 5; i++) await signInWithPassword({ email: "mem@example.org", password: "forgot" }, { address: "10.7.7.7", random: () => 1 });

    const result = await runProjectAction(owner, resetMemberPasswordSchema, "owner", resetMemberPassword, { projectId: project.id, userId: member.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.temporaryPassword.length).toBeGreaterThanOrEqual(16);
    expect(await findActiveSession(before.sessionId, member.id)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { projectId: project.id, action: "user.password_reset", entityId: member.id } })).toBe(1);

    const after = await signIn("mem@example.org", result.data.temporaryPassword, "10.7.7.7");
    asSession(after);
    expect(await getCurrentUser()).toBeNull();
    expect(await getCurrentSession()).toMatchObject({ mustChangePassword: true });
    expect(await changePasswordAction({ currentPassword: result.data.temporaryPassword, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await getCurrentUser()).toMatchObject({ id: member.id });
  });

  it("is refused to non-owners, across projects, for oneself, and for members of projects the owner does not own", async () => {
    const owner = await makeUser(prisma);
    const analyst = await makeUser(prisma);
    const other = await makeUser(prisma);
    const elsewhere = await makeUser(prisma);
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }, { userId: elsewhere.id, role: "viewer" }]);
    const foreign = await makeProject(prisma, [{ userId: other.id, role: "owner" }, { userId: elsewhere.id, role: "owner" }]);
    const reset = (by: typeof owner, input: unknown) => runProjectAction(by, resetMemberPasswordSchema, "owner", resetMemberPassword, input);
    const untouched = (await userOf(elsewhere.email)).passwordHash;

    expect(await reset(analyst, { projectId: project.id, userId: owner.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await reset(owner, { projectId: foreign.id, userId: other.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await reset(owner, { projectId: project.id, userId: other.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await reset(owner, { projectId: project.id, userId: owner.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await reset(owner, { projectId: project.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await reset(owner, { projectId: project.id, userId: elsewhere.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringMatching(/projects you do not own/) } });
    expect((await userOf(elsewhere.email)).passwordHash).toBe(untouched);
  });
});
