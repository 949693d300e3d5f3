import type { Metadata } from "next";
import { DocumentBlindForm, ProjectBlindSwitch } from "@/components/rigour/blind-controls";
import { RigourHeader } from "@/components/rigour/rigour-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireProjectMember } from "@/lib/projects/page-access";
import { getRigourBasics } from "@/lib/rigour/data";
import { canSetBlindMode } from "@/lib/rigour/permissions";

export const metadata: Metadata = { title: "Blind mode" };

export default async function BlindModePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/rigour/blind`);
  const basics = await getRigourBasics(projectId);
  const blindDocuments = basics.documents.filter((d) => d.blindCoding);
  const blind = basics.blindCoding || blindDocuments.length > 0;
  const owner = canSetBlindMode(role);

  return (
    <>
      <RigourHeader user={user} project={basics} section="blind" blind={blind} />
      <main className="mx-auto max-w-6xl px-6 pb-10">
        <section aria-labelledby="what-blind-means" className="mt-4 max-w-3xl text-sm text-stone-700">
          <h2 id="what-blind-means" className="sr-only">What blind mode does</h2>
          <p>
            While an interview is blind, each analyst sees only their own codings in it (in the transcript, the summaries and the agreement pages), viewers see none, and owners see all. The server enforces it: another analyst&apos;s codings are never sent. Reveal when everyone has marked their interviews done, then compare and adjudicate.
          </p>
        </section>

        <section aria-labelledby="project-blind" className="mt-6">
          <h2 id="project-blind" className="text-lg font-semibold">Whole project</h2>
          <p className="mt-1 text-sm text-stone-700" data-testid="project-blind-state">
            {basics.blindCoding ? "Blind mode is on for the whole project." : "Blind mode is off for the project as a whole."}
          </p>
          {owner && <ProjectBlindSwitch projectId={projectId} blind={basics.blindCoding} />}
        </section>

        <section aria-labelledby="document-blind" className="mt-8">
          <h2 id="document-blind" className="text-lg font-semibold">Single interviews</h2>
          {basics.documents.length === 0 ? (
            <EmptyState>No interviews yet. Import transcripts first.</EmptyState>
          ) : owner ? (
            <DocumentBlindForm projectId={projectId} documents={basics.documents} projectBlind={basics.blindCoding} />
          ) : (
            <p className="mt-1 text-sm text-stone-700">
              {blindDocuments.length === 0 ? "No single interview is blind." : `Blind: ${blindDocuments.map((d) => d.title).join(", ")}.`} Only a project owner can change blind mode.
            </p>
          )}
        </section>
      </main>
    </>
  );
}
