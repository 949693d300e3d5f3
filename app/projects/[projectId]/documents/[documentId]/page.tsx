import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { TranscriptView } from "@/components/transcripts/transcript-view";
import { getDocument } from "@/lib/documents/data";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Transcript" };

export default async function DocumentPage({ params }: { params: Promise<{ projectId: string; documentId: string }> }) {
  const { projectId, documentId } = await params;
  const { user } = await requireProjectMember(projectId, `/projects/${projectId}/documents/${documentId}`);
  const document = await getDocument(projectId, documentId);
  if (!document) notFound();
  return (
    <>
      <AppHeader user={user}>
        <Link href="/projects" className="hover:underline">Projects</Link> /{" "}
        <Link href={`/projects/${projectId}`} className="hover:underline">Project</Link> /{" "}
        <span className="text-stone-900">{document.title}</span>
      </AppHeader>
      <main className="mx-auto max-w-3xl px-6 py-8">
        <h1 className="text-2xl font-semibold">{document.title}</h1>
        {document.case && <p className="mt-1 text-sm text-stone-600">Case {document.case.name}</p>}
        <TranscriptView text={document.text} turns={document.turns} />
      </main>
    </>
  );
}
