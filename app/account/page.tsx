import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { AppHeader } from "@/components/layout/app-header";
import { listActiveSessions } from "@/lib/account/data";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { getCurrentSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  // Not requireUser(): someone who must replace a temporary password lands here and may stay.
  const session = await getCurrentSession();
  if (!session) redirect("/login?callbackUrl=%2Faccount");
  const sessions = await listActiveSessions(session.user.id);
  return (
    <>
      <AppHeader user={session.user}>
        {!session.mustChangePassword && <Link href="/projects" className="hover:underline">Projects</Link>} / <span className="text-stone-900">Your account</span>
      </AppHeader>
      <main className="mx-auto max-w-3xl space-y-10 px-6 py-8">
        <h1 className="text-2xl font-semibold">Your account</h1>
        {session.mustChangePassword && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            A project owner reset your password. Choose a new one to continue: the temporary password works only for this.
          </p>
        )}
        <section aria-labelledby="password-heading">
          <h2 id="password-heading" className="text-lg font-semibold">Change your password</h2>
          <p className="mt-1 text-sm text-stone-600">At least {MIN_PASSWORD_LENGTH} characters. Your other sessions are signed out when it changes.</p>
          <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
        </section>
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="text-lg font-semibold">Where you are signed in</h2>
          <p className="mt-1 text-sm text-stone-600">Sign out a browser you no longer use or do not recognise; its copy of your session stops working at once.</p>
          <SessionList
            currentId={session.sessionId}
            sessions={sessions.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), userAgent: s.userAgent, ipAddress: s.ipAddress }))}
          />
        </section>
      </main>
    </>
  );
}
