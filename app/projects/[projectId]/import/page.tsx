import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { AttributeImport } from "@/components/imports/attribute-import";
import { TranscriptImport } from "@/components/imports/transcript-import";
import { db } from "@/lib/db/client";
import { describeLimits } from "@/lib/interop/limits";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Import transcripts" };

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/import`);
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, cases: { orderBy: { name: "asc" }, select: { id: true, name: true } } } });
  return (
    <>
      <AppHeader user={user}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{project.name}</Link> / <span className="text-stone-900">Import</span>
      </AppHeader>
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Import transcripts</h1>
        {canManageProject(role) ? (
          <div className="mt-6 space-y-10">
            <TranscriptImport projectId={projectId} cases={project.cases} limits={describeLimits()} />
            <AttributeImport projectId={projectId} />
          </div>
        ) : (
          <p className="mt-4 text-stone-700">Only a project owner can import transcripts into this project.</p>
        )}
      </main>
    </>
  );
}
