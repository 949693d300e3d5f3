import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PatternForm, SpeakerForm } from "@/components/autocode/autocode-forms";
import { BatchList } from "@/components/autocode/batch-list";
import { AppHeader } from "@/components/layout/app-header";
import { autocodePageContext, listBatches } from "@/lib/autocode/data";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Auto-coding" };

/** Code many passages at once (by speaker, by line pattern), previewed first and undone as a run (lib/autocode). */
export default async function AutocodePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role, archived } = await requireProjectMember(projectId, `/projects/${projectId}/autocode`);
  const [context, runs] = await Promise.all([autocodePageContext(projectId), listBatches(projectId, { id: user.id, role })]);
  if (!context) notFound();
  const mayCode = role !== "viewer" && !archived;

  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{context.name}</Link> / <span className="text-stone-900">Auto-coding</span>
      </AppHeader>
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold">Auto-coding</h1>
          <p className="mt-1 text-sm text-stone-700">
            {mayCode
              ? "Apply a code to many passages at once, as yourself. Each run is previewed first and can be undone as a whole. To code what a search finds, use the search page."
              : archived ? "This project is archived: its auto-coding runs can be read, not changed." : "Viewers can see the runs but not code."}
          </p>
        </div>
        {mayCode && context.documents.length === 0 && <p className="text-sm text-stone-600">Import transcripts first: there is nothing to code yet.</p>}
        {mayCode && context.documents.length > 0 && (
          <>
            <SpeakerForm projectId={projectId} documents={context.documents} speakers={context.speakers} />
            <PatternForm projectId={projectId} documents={context.documents} />
          </>
        )}
        <section aria-labelledby="runs-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="runs-heading" className="text-lg font-semibold">Auto-coding runs</h2>
          <p className="mb-2 text-sm text-stone-700">The latest runs, newest first. Undo deletes a run&rsquo;s codings except those someone has edited, commented, pinned or starred since.</p>
          <BatchList projectId={projectId} runs={runs} readOnly={!mayCode} />
        </section>
      </main>
    </>
  );
}
