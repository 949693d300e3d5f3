import type { Metadata } from "next";
import Link from "next/link";
import { ExportForm } from "@/components/exports/export-form";
import { QdpxTargetForm } from "@/components/exports/qdpx-target-form";
import { AppHeader } from "@/components/layout/app-header";
import { exportChoices } from "@/lib/exports/data";
import { requireProjectMember } from "@/lib/projects/page-access";
import { savedSearchNames } from "@/lib/search/saved";

export const metadata: Metadata = { title: "Exports" };

/** Exports of a slice of the project: the codings of a code, document, case or attribute value, and a theme's quotes (lib/exports). */
export default async function ExportsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user } = await requireProjectMember(projectId, `/projects/${projectId}/exports`);
  const [choices, searches] = await Promise.all([exportChoices(projectId), savedSearchNames(projectId)]);
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{choices.projectName}</Link> / <span className="text-stone-900">Exports</span>
      </AppHeader>
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold">Export a slice of the project</h1>
          <p className="mt-2 text-sm text-stone-700">
            The coded passages of one code, interview, case or group of cases, one row each with the case&apos;s attributes as columns, for a spreadsheet or another
            analysis tool; or a theme&apos;s quotes as a Word document to paste into a paper. Files hold only the codings you may read.
          </p>
          <p className="mt-1 text-sm text-stone-700">
            Everything at once: <a href={`/api/projects/${projectId}/codings/csv`} className="text-teal-800 underline">all codings (CSV)</a>,{" "}
            <a href={`/api/projects/${projectId}/codings/xlsx`} className="text-teal-800 underline">all codings (Excel)</a>, or the{" "}
            <a href={`/api/projects/${projectId}/export/qdpx`} className="text-teal-800 underline">whole project for other QDA tools (.qdpx)</a>.
          </p>
        </div>
        <QdpxTargetForm projectId={projectId} />
        <ExportForm projectId={projectId} choices={choices} />
        <section aria-labelledby="search-exports" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
          <h2 id="search-exports" className="font-semibold">Matches of a saved search</h2>
          {searches.length === 0 ? (
            <p className="mt-1 text-stone-600">No saved searches yet. Save one on the <Link href={`/projects/${projectId}/search`} className="text-teal-800 underline">search page</Link> to export its matches, one row each with the case&apos;s attributes.</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {searches.map((s) => (
                <li key={s.id}>
                  {s.name}:{" "}
                  <a href={`/api/projects/${projectId}/export/search?savedSearchId=${s.id}&format=csv`} className="text-teal-800 underline" aria-label={`${s.name}: matches as CSV`}>CSV</a>{" "}
                  <a href={`/api/projects/${projectId}/export/search?savedSearchId=${s.id}&format=xlsx`} className="text-teal-800 underline" aria-label={`${s.name}: matches as Excel`}>Excel</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
