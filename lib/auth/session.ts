import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { authOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string };

/**
 * The signed-in user, read from the database on every call so that a disabled or
 * deleted account loses access at once, whatever its token says.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, disabled: true } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}
