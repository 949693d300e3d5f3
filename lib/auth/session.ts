import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { findActiveSession, type ActiveSession } from "./server-sessions";

export type CurrentUser = { id: string; email: string; name: string };

/**
 * The signed-in session: the token's session row must be live and its account enabled,
 * checked in the database on every call, so a sign-out, a revoked session or a disabled
 * account loses access at once, whatever the token says.
 */
export async function getCurrentSession(): Promise<ActiveSession | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  return findActiveSession(sessionId, id);
}

/**
 * The signed-in user. Null too while the account must replace a temporary password: until
 * then only the account page (which uses getCurrentSession) works for them.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getCurrentSession();
  return session && !session.mustChangePassword ? session.user : null;
}

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const session = await getCurrentSession();
  if (session?.mustChangePassword) redirect("/account?reason=password-reset");
  if (!session) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return session.user;
}
