import Link from "next/link";
import { JobsIndicator } from "@/components/jobs/jobs-indicator";
import type { CurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user, children }: { user: CurrentUser; children?: React.ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-3">
        <Link href="/projects" className="text-lg font-semibold tracking-tight text-teal-900">
          Grounded
        </Link>
        <nav aria-label="Breadcrumb" className="min-w-0 flex-1 truncate text-sm text-stone-600">
          {children}
        </nav>
        <JobsIndicator />
        <Link href="/account" className="text-sm text-stone-700 hover:underline" data-testid="current-user" title="Your account: password and sessions">
          {user.name} <span className="text-stone-500">({user.email})</span>
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}
