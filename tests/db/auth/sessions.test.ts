import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Stands in for reading and decrypting the cookie; the callbacks, events and database are real.
const cookie = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => cookie.session }));

const { authOptions } = await import("../../../lib/auth/options");
const { getCurrentSession, getCurrentUser } = await import("../../../lib/auth/session");
const { hashPassword } = await import("../../../lib/auth/password");
const { signInWithPassword } = await import("../../../lib/auth/sign-in");
const { makeUser } = await import("../helpers/factories");
const { useTestDatabase } = await import("../helpers/test-database");

const { prisma } = await useTestDatabase();
const PASSWORD = "a long enough password";

/** Signs in as the login form does and returns the token next-auth would put in the cookie. */
async function signIn(email: string): Promise<JWT> {
  const result = await signInWithPassword({ email, password: PASSWORD }, { address: "10.0.0.1", random: () => 1 });
  if (!result.ok) throw new Error("sign-in failed");
  const jwt = authOptions.callbacks!.jwt! as (p: { token: JWT; user?: { id: string; sessionId?: string } }) => Promise<JWT> | JWT;
  return jwt({ token: { email }, user: { ...result.user, sessionId: result.sessionId } });
}

async function presentCookie(token: JWT) {
  const session = authOptions.callbacks!.session! as (p: { session: Session; token: JWT }) => Session | Promise<Session>;
  cookie.session = await session({ session: { user: { id: "", name: "", email: "" }, expires: "" }, token });
}

beforeEach(() => {
  cookie.session = null;
});

describe("server-side sessions", () => {
  it("a signed-in token is honoured while its session row is live, and not after sign-out", async () => {
    const user = await makeUser(prisma, { email: "sam@example.org", passwordHash: await hashPassword(PASSWORD) });
    const token = await signIn("sam@example.org");
    expect(token.sid).toEqual(expect.any(String));
    await presentCookie(token);
    expect(await getCurrentUser()).toEqual({ id: user.id, email: "sam@example.org", name: user.name });

    await authOptions.events!.signOut!({ token, session: undefined as never });
    // The same token, copied before sign-out, no longer works.
    expect(await getCurrentUser()).toBeNull();
    expect((await prisma.userSession.findUnique({ where: { id: token.sid! } }))?.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses a token without a session id, with a deleted session, or of a disabled account", async () => {
    const user = await makeUser(prisma, { email: "tom@example.org", passwordHash: await hashPassword(PASSWORD) });
    const token = await signIn("tom@example.org");
    await presentCookie({ ...token, sid: undefined });
    expect(await getCurrentUser()).toBeNull();
    // Someone else's session id does not pass for this user either.
    const other = await makeUser(prisma, { email: "una@example.org", passwordHash: await hashPassword(PASSWORD) });
    const theirs = await signIn("una@example.org");
    await presentCookie({ ...token, sid: theirs.sid });
    expect(await getCurrentUser()).toBeNull();
    await presentCookie(theirs);
    expect((await getCurrentUser())?.id).toBe(other.id);

    await presentCookie(token);
    expect((await getCurrentUser())?.id).toBe(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await getCurrentUser()).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabled: false } });
    await prisma.userSession.delete({ where: { id: token.sid! } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("an account that must replace its password has a session but no user for the rest of the app", async () => {
    const user = await makeUser(prisma, { email: "val@example.org", passwordHash: await hashPassword(PASSWORD) });
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    await presentCookie(await signIn("val@example.org"));
    expect(await getCurrentUser()).toBeNull();
    expect(await getCurrentSession()).toMatchObject({ user: { id: user.id }, mustChangePassword: true });
  });
});
