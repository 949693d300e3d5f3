import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentSession } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  const session = await getCurrentSession();
  if (session?.mustChangePassword) redirect("/account?reason=password-reset");
  if (session) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-3xl font-semibold tracking-tight">Grounded</h1>
        <p className="mt-1 text-sm text-stone-600">Qualitative interview analysis, every finding traced to its quotes.</p>
        <LoginForm callbackUrl={target} initialError={error} />
        <p className="mt-6 text-xs text-stone-500">
          No account? A project owner adds you to their study, or an administrator runs <code>npm run user:create</code>.
        </p>
        <p className="mt-2 text-xs text-stone-500" data-testid="forgot-password">
          Forgot your password? Ask an owner of your project to reset it from the project&apos;s member list: they get a
          temporary password to give you, which you replace when you sign in. If you belong to projects they do not own,
          an administrator runs <code>npm run user:password</code>.
        </p>
      </div>
    </main>
  );
}
