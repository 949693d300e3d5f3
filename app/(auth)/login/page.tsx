import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-3xl font-semibold tracking-tight">Grounded</h1>
        <p className="mt-1 text-sm text-stone-600">Qualitative interview analysis, every finding traced to its quotes.</p>
        <LoginForm callbackUrl={target} initialError={error} />
        <p className="mt-6 text-xs text-stone-500">
          No account? A project owner adds you to their study, or an administrator runs <code>npm run user:create</code>.
        </p>
      </div>
    </main>
  );
}
