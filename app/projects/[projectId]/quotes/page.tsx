import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuoteList } from "@/components/analysis/quote-list";
import { AppHeader } from "@/components/layout/app-header";
import { Pager } from "@/components/ui/pager";
import { coderSelectionToParam } from "@/lib/analysis/coder-selection";
import { readQuoteCell } from "@/lib/analysis/links";
import { pageSelection } from "@/lib/analysis/page-selection";
import { requestedPage } from "@/lib/analysis/paging";
import { getCellQuotes, PASSAGES_PER_PAGE } from "@/lib/analysis/quotes-data";
import { db } from "@/lib/db/client";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Passages" };

/** The passages behind any number on the analysis pages (?cell= from lib/analysis/links.ts), a page at a time (?page=). */
export default async function QuotesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ coders?: string; cell?: string; page?: string }> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/summaries`);
  const cell = readQuoteCell(search.cell);
  if (!cell) notFound();
  const { selection, hidden } = await pageSelection(projectId, { id: user.id, role }, search.coders);
  if (hidden) notFound();
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  const codeIds = cell.kind === "pair" ? cell.codeIds : [cell.codeId];
  const codes = await db().code.findMany({ where: { id: { in: codeIds }, projectId }, select: { id: true, name: true } });
  if (codes.length !== new Set(codeIds).size) notFound();
  const result = await getCellQuotes(projectId, selection, cell, { page: requestedPage(search.page), size: PASSAGES_PER_PAGE });
  const pageHref = (page: number) => {
    const query = new URLSearchParams({ coders: coderSelectionToParam(selection), cell: search.cell! });
    if (page > 1) query.set("page", String(page));
    return `/projects/${projectId}/quotes?${query}`;
  };
  const names = codeIds.map((id) => codes.find((c) => c.id === id)!.name);
  const what =
    cell.kind === "pair"
      ? `${names[0]} with ${names[1]} (${cell.scope === "passages" ? "overlapping passages" : "interviews with both"})`
      : cell.kind === "category"
        ? `${names[0]}, in cases where ${(await db().attributeDefinition.findFirst({ where: { id: cell.attributeId, projectId }, select: { name: true } }))?.name ?? "the attribute"} = ${cell.category ?? "no value"}`
        : names[0];
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{project.name}</Link> /{" "}
        <Link href={`/projects/${projectId}/summaries`} className="hover:underline">Theme summaries</Link> / <span className="text-stone-900">Passages</span>
      </AppHeader>
      <main className="mx-auto max-w-4xl px-6 py-8">
        <h1 className="text-2xl font-semibold">{what}</h1>
        <p className="mt-1 text-sm text-stone-600" data-testid="selection-label">
          {result.total.toLocaleString("en")} passage{result.total === 1 ? "" : "s"}. Whose coding counts: {result.selectionLabel}.
        </p>
        <Pager paged={result} noun="passages" href={pageHref} testId="passages-pager" />
        <div className="mt-6">
          <QuoteList projectId={projectId} quotes={result.quotes} />
        </div>
        <Pager paged={result} noun="passages" href={pageHref} testId="passages-pager-bottom" place="bottom" />
      </main>
    </>
  );
}
