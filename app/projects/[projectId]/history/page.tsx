import type { Metadata } from "next";
import Link from "next/link";
import { HistoryEntries } from "@/components/history/history-entries";
import { HistoryFilters } from "@/components/history/history-filters";
import { AppHeader } from "@/components/layout/app-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CODE_OPTIONS_MAX, getHistoryOptions, getProjectHistory } from "@/lib/history/data";
import { canRestore, rowOwner } from "@/lib/history/permissions";
import { historyFiltersSchema } from "@/lib/history/schema";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "History" };

/** Who did what, when, to which row, newest first, 50 a page; deletions of codings, codes and memos can be restored from here. */
export default async function HistoryPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { projectId } = await params;
  const raw = await searchParams;
  const { user, role, archived } = await requireProjectMember(projectId, `/projects/${projectId}/history`);
  const filters = historyFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [options, page] = await Promise.all([getHistoryOptions(projectId, filters.code), getProjectHistory(projectId, { id: user.id, role }, filters)]);
  const restorable = new Set(archived ? [] : page.items.filter((i) => i.restore && canRestore(role, user.id, i.restore, rowOwner(i.restore, i.before))).map((i) => i.id));
  const { older: _o, newer: _n, ...kept } = filters;
  const href = (cursor: Record<string, string>) => `/projects/${projectId}/history?${new URLSearchParams({ ...Object.fromEntries(Object.entries(kept).filter((e): e is [string, string] => Boolean(e[1]))), ...cursor })}`;
  const filtered = Object.values(kept).some(Boolean);
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{options.projectName}</Link> / <span className="text-stone-900">History</span>
      </AppHeader>
      <main className="mx-auto max-w-4xl space-y-6 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold">History</h1>
          <p className="mt-1 text-sm text-stone-700">
            Every change to the project, newest first: who made it, when, and what it was before and after.
            {role === "owner" ? " Deleted codings, codes and memos can be restored from their deletion." : " You can restore your own deleted codings and memos from their deletion."}
            {role !== "owner" && " Under blind coding, other analysts' coding work is left out."}
          </p>
        </div>
        <HistoryFilters
          projectId={projectId}
          filters={filters}
          people={options.people.map((p) => ({ id: p.id, label: p.name }))}
          documents={options.documents.map((d) => ({ id: d.id, label: d.title }))}
          codes={options.codes.map((c) => ({ id: c.id, label: c.name }))}
        />
        {options.codesCapped && <p className="text-xs text-stone-700">The code filter offers the first {CODE_OPTIONS_MAX.toLocaleString("en")} codes by name; a code's own history is also on the codebook page.</p>}
        {page.items.length === 0 ? (
          <EmptyState>{filtered ? "No change matches these filters." : "Nothing has happened in this project yet."}</EmptyState>
        ) : (
          <HistoryEntries projectId={projectId} items={page.items} restorable={restorable} />
        )}
        <nav aria-label="Pages of the history" className="flex gap-4 text-sm">
          {(page.newer || filters.older || filters.newer) && <Link href={href({})} className="text-teal-800 underline">Newest</Link>}
          {page.newer && <Link href={href({ newer: page.newer })} rel="prev" className="text-teal-800 underline">Newer</Link>}
          {page.older && <Link href={href({ older: page.older })} rel="next" className="text-teal-800 underline">Older</Link>}
        </nav>
      </main>
    </>
  );
}
