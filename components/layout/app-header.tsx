import Link from "next/link";
import { JobsIndicator } from "@/components/jobs/jobs-indicator";
import type { CurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user, children }: { user: CurrentUser; children?: React.ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-3 sm:px-6">
        <Link href="/projects" className="text-lg font-semibold tracking-tight text-teal-900">
          Grounded
        </Link>
        <nav aria-label="Breadcrumb" className="order-last min-w-0 basis-full truncate text-sm text-stone-600 sm:order-none sm:flex-1 sm:basis-auto">
          {children}
        </nav>
        <JobsIndicator />
        <Link href="/account" className="text-sm text-stone-700 hover:underline" data-testid="current-user" title="Your account: password and sessions">
          {user.name} <span className="hidden text-stone-600 sm:inline">({user.email})</span>
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}
