import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { AttributeImport } from "@/components/imports/attribute-import";
import { RefiImport } from "@/components/imports/refi-import";
import { describeLimits as describeRefiLimits } from "@/lib/interop/refi";
import { TranscriptImport } from "@/components/imports/transcript-import";
import { db } from "@/lib/db/client";
import { describeLimits, describeSheetLimits } from "@/lib/interop/limits";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Import transcripts" };

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/import`);
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, cases: { orderBy: { name: "asc" }, select: { id: true, name: true } } } });
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{project.name}</Link> / <span className="text-stone-900">Import</span>
      </AppHeader>
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Import transcripts</h1>
        {canManageProject(role) ? (
          <div className="mt-6 space-y-10">
            <TranscriptImport projectId={projectId} cases={project.cases} limits={describeLimits()} />
            <AttributeImport projectId={projectId} limits={describeSheetLimits()} />
            <section className="space-y-2" aria-labelledby="codebook-import-heading">
              <h2 id="codebook-import-heading" className="text-lg font-semibold">Codebook from another tool (.qdc)</h2>
              <p className="text-sm text-stone-600">A REFI-QDA codebook from NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette merges into this project; codes are matched by id, then by name.</p>
              <RefiImport intoProjectId={projectId} limits={describeRefiLimits()} />
            </section>
          </div>
        ) : (
          <p className="mt-4 text-stone-700">Only a project owner can import transcripts into this project.</p>
        )}
      </main>
    </>
  );
}
