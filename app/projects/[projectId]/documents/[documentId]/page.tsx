import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodingWorkspace } from "@/components/coding/coding-workspace";
import { AppHeader } from "@/components/layout/app-header";
import { packCodes } from "@/lib/codes/packed";
import { getWorkspace } from "@/lib/codings/data";
import { packWorkspaceRows } from "@/lib/codings/view";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canCode, canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Transcript" };

type Search = { coding?: string; start?: string; end?: string };

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ projectId: string; documentId: string }>; searchParams: Promise<Search> }) {
  const { projectId, documentId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/documents/${documentId}`);
  const workspace = await getWorkspace(projectId, documentId, { id: user.id, role });
  if (!workspace) notFound();
  const focus = passageToShow(await searchParams, workspace);
  // A long transcript's turns and codings, and a large codebook, travel packed: see lib/codings/view.ts, lib/codes/packed.ts.
  const { codings, codes, projectCounts, document: { turns, ...document }, ...rest } = workspace;
  return (
    <>
      <AppHeader user={user}>
        <Link href="/projects" className="hover:underline">Projects</Link> /{" "}
        <Link href={`/projects/${projectId}`} className="hover:underline">{workspace.project.name}</Link> /{" "}
        <span className="text-stone-900">{workspace.document.title}</span>
      </AppHeader>
      <CodingWorkspace workspace={{ ...rest, document }} rows={packWorkspaceRows(turns, codings)} codes={packCodes(codes, projectCounts)} me={{ id: user.id, name: user.name }} canCode={canCode(role)} canManage={canManageProject(role)} focus={focus} />
    </>
  );
}

/** ?coding=<id> or ?start=&end= (code points): the passage a link points at. */
function passageToShow(search: Search, workspace: NonNullable<Awaited<ReturnType<typeof getWorkspace>>>) {
  if (search.coding) {
    const coding = workspace.codings.find((c) => c.id === search.coding);
    return coding ? { start: coding.start, end: coding.end } : null;
  }
  const start = Number(search.start);
  const end = Number(search.end);
  if (Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= workspace.document.textLength) return { start, end };
  return null;
}
