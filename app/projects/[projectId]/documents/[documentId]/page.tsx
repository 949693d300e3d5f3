import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodingWorkspace } from "@/components/coding/coding-workspace";
import { AppHeader } from "@/components/layout/app-header";
import { MemoList } from "@/components/memos/memo-list";
import { packCodes } from "@/lib/codes/packed";
import { getWorkspaceOpening } from "@/lib/codings/opening";
import { packWorkspaceRows } from "@/lib/codings/view";
import { latestEventId } from "@/lib/live/events";
import { projectCodeCountsUrl, workspaceRestUrl } from "@/lib/codings/workspace-rest";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canCode, canManageProject } from "@/lib/projects/permissions";
import { getCorrectionState } from "@/lib/transcripts/correction/data";

export const metadata: Metadata = { title: "Transcript" };

type Search = { coding?: string; start?: string; end?: string };

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ projectId: string; documentId: string }>; searchParams: Promise<Search> }) {
  const { projectId, documentId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/documents/${documentId}`);
  const search = await searchParams;
  // ?coding=<id> or ?start=&end= (code points): the passage a link points at.
  const request = typeof search.coding === "string" ? { codingId: search.coding } : { start: Number(search.start), end: Number(search.end) };
  // Read first, so a change made while the page is read reaches it live rather than falling between.
  const liveSince = await latestEventId(projectId);
  const opening = await getWorkspaceOpening(projectId, documentId, { id: user.id, role }, request);
  if (!opening) notFound();
  const correction = await getCorrectionState(projectId, documentId, { id: user.id, role });
  // Only the first screens travel with the page (lib/codings/opening.ts), packed (lib/codings/view.ts,
  // lib/codes/packed.ts); the workspace fetches the rest once it is up.
  const { turns, codings, codes, codebookSize, docCounts, window, focus, ...shell } = opening;
  return (
    <>
      {/* The rest of the workspace, asked for as soon as the browser reads the page, so it is on its
          way while the page loads and hydrates; the workspace's fetch() of the same URLs takes these
          answers. As elements rather than react-dom's preload(), which reached the browser only with
          the scripts, half a second later. */}
      <link rel="preload" as="fetch" crossOrigin="anonymous" href={workspaceRestUrl(projectId, documentId)} />
      <link rel="preload" as="fetch" crossOrigin="anonymous" href={projectCodeCountsUrl(projectId)} />
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> /{" "}
        <Link href={`/projects/${projectId}`} className="hover:underline">{opening.project.name}</Link> /{" "}
        <span className="text-stone-900">{opening.document.title}</span>
      </AppHeader>
      <CodingWorkspace workspace={shell} opening={{ window, rows: packWorkspaceRows(turns, codings), codes: packCodes(codes, {}), codebookSize, docCounts }}
        me={{ id: user.id, name: user.name }} canCode={canCode(role)} canManage={canManageProject(role)} focus={focus} liveSince={liveSince.toString()} correction={correction} />
      <div className="mx-auto max-w-7xl px-6 pb-10">
        <MemoList projectId={projectId} target={{ kind: "document", id: documentId }} viewer={{ id: user.id, role }} heading="Memos on this document" />
      </div>
    </>
  );
}
