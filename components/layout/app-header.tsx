import Link from "next/link";
import { JobsIndicator } from "@/components/jobs/jobs-indicator";
import type { CurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

/**
 * The bar on every signed-in page: home, breadcrumb, background jobs, account. Inside a
 * project (`projectId`) it also carries a search box over the project's transcripts (a plain
 * GET form to the search page, so it works before the page's scripts load).
 */
export function AppHeader({ user, projectId, children }: { user: CurrentUser; projectId?: string; children?: React.ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-3 sm:px-6">
        <Link href="/projects" className="text-lg font-semibold tracking-tight text-teal-900">
          Grounded
        </Link>
        <nav aria-label="Breadcrumb" className="order-last min-w-0 basis-full truncate text-sm text-stone-600 sm:order-none sm:flex-1 sm:basis-auto">
          {children}
        </nav>
        {projectId && (
          <form role="search" aria-label="Search this project" action={`/projects/${projectId}/search`} method="get" className="flex items-center">
            <input name="q" type="search" required maxLength={500} aria-label="Search this project's transcripts" placeholder="Search transcripts…"
              className="w-40 rounded border border-stone-400 px-2 py-1 text-sm sm:w-56" />
          </form>
        )}
        <JobsIndicator />
        <Link href="/account" className="text-sm text-stone-700 hover:underline" data-testid="current-user" title="Your account: password and sessions">
          {user.name} <span className="hidden text-stone-600 sm:inline">({user.email})</span>
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}
