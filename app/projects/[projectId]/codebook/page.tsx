import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodebookManager } from "@/components/codes/codebook-manager";
import { HistoryList } from "@/components/codes/history-list";
import { AppHeader } from "@/components/layout/app-header";
import { requestedPage } from "@/lib/analysis/paging";
import { getCodebookForPage } from "@/lib/codes/data";
import { getCodebookHistory } from "@/lib/codes/history";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Codebook" };

/** The whole codebook: owners edit every field, add, move, merge, split and delete codes; everyone reads definitions and the history. */
export default async function CodebookPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ history?: string }> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role, archived } = await requireProjectMember(projectId, `/projects/${projectId}/codebook`);
  const page = requestedPage(search.history);
  const [codebook, history] = await Promise.all([getCodebookForPage(projectId, { id: user.id, role }), getCodebookHistory(projectId, { page, counts: role === "owner" })]);
  if (!codebook) notFound();
  const canManage = canManageProject(role) && !archived;
  const historyHref = (p: number) => `/projects/${projectId}/codebook?history=${p}#history`;

  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{codebook.name}</Link> / <span className="text-stone-900">Codebook</span>
      </AppHeader>
      <main className="mx-auto max-w-7xl space-y-10 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold">Codebook</h1>
          <p className="mt-1 text-sm text-stone-700">
            {canManage
              ? "Choose a code to edit it. Names are unique among the codes under the same parent."
              : archived ? "This project is archived: the codebook can be read, not changed." : "Only a project owner can change the codebook; choose a code to read its definition and history."}
          </p>
        </div>
        <CodebookManager projectId={projectId} codes={codebook.codes} counts={codebook.counts} canManage={canManage} />
        <section id="history" aria-labelledby="history-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="history-heading" className="text-lg font-semibold">Codebook history</h2>
          <p className="mb-2 text-sm text-stone-700">Who changed which code and when, newest first, with definitions as they were and became.</p>
          <HistoryList entries={history.entries} />
          {history.pages > 1 && (
            <nav aria-label="Pages of the codebook history" className="mt-2 flex gap-3 text-sm text-stone-700">
              <span>Page {history.page} of {history.pages} ({history.total.toLocaleString("en")} changes)</span>
              {history.page > 1 && <Link href={historyHref(history.page - 1)} rel="prev" className="text-teal-800 underline">Newer</Link>}
              {history.page < history.pages && <Link href={historyHref(history.page + 1)} rel="next" className="text-teal-800 underline">Older</Link>}
            </nav>
          )}
        </section>
      </main>
    </>
  );
}
