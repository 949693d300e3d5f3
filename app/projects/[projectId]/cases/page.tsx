import type { Metadata } from "next";
import Link from "next/link";
import { CaseSheet } from "@/components/cases/case-sheet";
import { AppHeader } from "@/components/layout/app-header";
import { MemoList } from "@/components/memos/memo-list";
import { Pager } from "@/components/ui/pager";
import { requestedPage } from "@/lib/analysis/paging";
import { getCaseSheet } from "@/lib/cases/data";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Cases" };

/** The case sheet: owners edit cases, attributes, values and which documents belong to which case; everyone else reads it. */
export default async function CasesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ page?: string; memos?: string }> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/cases`);
  const owner = canManageProject(role);
  const sheet = await getCaseSheet(projectId, requestedPage(search.page), { memoCounts: owner });
  // Memos of one case at a time (?memos=<case id>), chosen below the sheet: an id not among
  // the project's cases shows nothing.
  const memoCase = sheet.allCases.find((c) => c.id === search.memos) ?? null;
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{sheet.projectName}</Link> / <span className="text-stone-900">Cases</span>
      </AppHeader>
      <main className="mx-auto max-w-7xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Cases and attributes ({sheet.window.total})</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">
          A case is an interviewee or a team; its attributes are what the theme summaries break down by and findings filter on.
          {owner ? " Changes are saved as you make them and show in the summaries and findings at once." : " Only project owners change them."}
        </p>
        <CaseSheet projectId={projectId} sheet={sheet} canEdit={owner} caseCount={sheet.window.total} />
        <Pager paged={sheet.window} noun="cases" href={(page) => `/projects/${projectId}/cases?page=${page}`} />
        {sheet.allCases.length > 0 && (
          <section aria-labelledby="case-memos-heading" className="mt-10 max-w-3xl">
            <h2 id="case-memos-heading" className="text-lg font-semibold">Memos on a case</h2>
            <form method="get" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
              {search.page && <input type="hidden" name="page" value={search.page} />}
              <label className="block">
                Case
                <select name="memos" defaultValue={memoCase?.id} className="mt-1 block rounded border border-stone-300 px-2 py-1">
                  {sheet.allCases.map((c) => (
                    <option key={c.id} value={c.id}>{c.name}</option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded border border-stone-400 px-3 py-1 font-medium">Show its memos</button>
            </form>
            {memoCase && (
              <div className="mt-4">
                <MemoList projectId={projectId} target={{ kind: "case", id: memoCase.id }} viewer={{ id: user.id, role }} heading={`Memos on ${memoCase.name}`} />
              </div>
            )}
          </section>
        )}
      </main>
    </>
  );
}
