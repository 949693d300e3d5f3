import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuoteList } from "@/components/analysis/quote-list";
import { SelectionPicker } from "@/components/analysis/selection-picker";
import { AppHeader } from "@/components/layout/app-header";
import { MemoList } from "@/components/memos/memo-list";
import { Pager } from "@/components/ui/pager";
import { attributeLabel } from "@/lib/cases/label";
import type { CaseFilter } from "@/lib/analysis/case-filter";
import { coderSelectionToParam } from "@/lib/analysis/coder-selection";
import { consensusDecisionCount, resolveCoderSelection } from "@/lib/analysis/data";
import { pageSelection } from "@/lib/analysis/page-selection";
import { requestedPage } from "@/lib/analysis/paging";
import { getCellQuotes, PASSAGES_PER_PAGE } from "@/lib/analysis/quotes-data";
import { db } from "@/lib/db/client";
import { requireProjectMember } from "@/lib/projects/page-access";
import { starsOf } from "@/lib/stars/data";
import { arrangeByStars } from "@/lib/stars/passages";
import { canStar } from "@/lib/stars/permissions";

export const metadata: Metadata = { title: "Theme" };

type Search = { coders?: string; attribute?: string; value?: string; q?: string; starred?: string; page?: string };

/**
 * A theme: its definition and criteria, and its passages a page at a time, filterable by case
 * attribute, analyst, text and star; starred first in each interview. The filter forms start
 * again at page 1 (they change the list); the pager's links keep every filter.
 */
export default async function ThemePage({ params, searchParams }: { params: Promise<{ projectId: string; codeId: string }>; searchParams: Promise<Search> }) {
  const { projectId, codeId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/themes/${codeId}`);
  // The page's reads at once rather than one after another; only the passages wait for whose coding counts.
  const [code, { selection, hidden, forced, visibility }, project, attributes, decisions] = await Promise.all([
    db().code.findFirst({ where: { id: codeId, projectId, deletedAt: null } }),
    pageSelection(projectId, { id: user.id, role }, search.coders),
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    db().attributeDefinition.findMany({ where: { projectId, type: { in: ["category", "boolean", "text"] } }, orderBy: { position: "asc" }, select: { id: true, name: true, displayName: true, type: true, categories: true } }),
    consensusDecisionCount(projectId),
  ]);
  if (!code || hidden) notFound();
  const attribute = attributes.find((a) => a.id === search.attribute);
  const value = search.value?.trim();
  const filter: CaseFilter = attribute && value ? [{ attributeId: attribute.id, op: "eq", value: attribute.type === "boolean" ? value === "true" : value }] : [];
  const text = search.q?.trim();
  const representativeOnly = search.starred === "1";
  const [{ coders, label }, result] = await Promise.all([
    resolveCoderSelection(projectId, selection, visibility),
    getCellQuotes(projectId, selection, { kind: "code", codeId, ...(filter.length ? { filter } : {}) }, { page: requestedPage(search.page), size: PASSAGES_PER_PAGE }, { contains: text, representativeOnly, starredFirst: true }),
  ]);
  const stars = await starsOf(projectId, result.quotes.flatMap((q) => q.codings.map((c) => c.id)));
  // Already in this order from SQL (starredFirst); kept so a star saved between the two reads cannot split an interview's starred passages.
  const quotes = arrangeByStars(result.quotes, stars, { representativeOnly });
  const pageHref = (page: number) => {
    const query = new URLSearchParams({ coders: coderSelectionToParam(selection) });
    for (const [key, v] of [["attribute", search.attribute], ["value", value], ["q", search.q], ["starred", representativeOnly ? "1" : undefined]] as const) if (v) query.set(key, v);
    if (page > 1) query.set("page", String(page));
    return `/projects/${projectId}/themes/${codeId}?${query}`;
  };
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{project.name}</Link> /{" "}
        <Link href={`/projects/${projectId}/summaries`} className="hover:underline">Theme summaries</Link> / <span className="text-stone-900">{code.name}</span>
      </AppHeader>
      <main className="mx-auto max-w-4xl space-y-6 px-6 py-8">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            <span className="inline-block size-4 rounded" style={{ backgroundColor: code.colour }} /> {code.name}
          </h1>
          <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
            {[["Definition", code.description], ["Include", code.inclusion], ["Exclude", code.exclusion], ["Example", code.example]].filter(([, v]) => v).map(([k, v]) => (
              <div key={k} className="contents"><dt className="text-stone-500">{k}</dt><dd>{v}</dd></div>
            ))}
          </dl>
          <p className="mt-3 flex flex-wrap gap-4 text-sm" aria-label="Export this theme">
            <a href={`/api/projects/${projectId}/export/theme-quotes?codeId=${codeId}&subcodes=1`} className="text-teal-800 underline">Export quotes (Word)</a>
            <a href={`/api/projects/${projectId}/export/slice?slice=code&id=${codeId}&subcodes=1&format=csv`} className="text-teal-800 underline">Export codings (CSV)</a>
            <a href={`/api/projects/${projectId}/export/slice?slice=code&id=${codeId}&subcodes=1&format=xlsx`} className="text-teal-800 underline">Export codings (XLSX)</a>
          </p>
        </div>
        <SelectionPicker selection={selection} coders={coders} label={label} forced={forced} decisions={decisions} hiddenFields={{ ...(search.attribute ? { attribute: search.attribute } : {}), ...(value ? { value } : {}), ...(search.q ? { q: search.q } : {}), ...(representativeOnly ? { starred: "1" } : {}) }} />
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter passages">
          <input type="hidden" name="coders" value={coderSelectionToParam(selection)} />
          <label className="flex flex-col">
            <span className="text-xs text-stone-600">Case attribute</span>
            <select name="attribute" defaultValue={attribute?.id ?? ""} className="rounded border border-stone-300 px-2 py-1">
              <option value="">any case</option>
              {attributes.map((a) => (
                <option key={a.id} value={a.id}>{attributeLabel(a)}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            <span className="text-xs text-stone-600">equals</span>
            <input name="value" defaultValue={value ?? ""} list="attribute-values" className="rounded border border-stone-300 px-2 py-1" />
            <datalist id="attribute-values">{[...new Set(attributes.flatMap((a) => a.categories))].map((c) => <option key={c} value={c} />)}</datalist>
          </label>
          <label className="flex flex-col">
            <span className="text-xs text-stone-600">Text or memo contains</span>
            <input name="q" defaultValue={search.q ?? ""} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <label className="flex items-center gap-1.5 self-center pt-4">
            <input type="checkbox" name="starred" value="1" defaultChecked={representativeOnly} /> Representative only
          </label>
          <button type="submit" className="rounded border border-stone-300 px-3 py-1">Filter</button>
        </form>
        <p className="text-sm text-stone-600" data-testid="selection-label">
          {result.pages > 1 ? `${result.from.toLocaleString("en")}–${result.to.toLocaleString("en")}` : quotes.length} of {result.total.toLocaleString("en")} passages{filter.length ? ` in cases where ${attributeLabel(attribute!)} = ${value}` : ""}{text ? ` containing “${text}”` : ""}{representativeOnly ? ", representative only" : ""}. Whose coding counts: {result.selectionLabel}.
        </p>
        <Pager paged={result} noun="passages" href={pageHref} testId="passages-pager" />
        <QuoteList projectId={projectId} quotes={quotes} stars={{ byCoding: stars, readerId: user.id, editable: canStar(role) }} />
        <Pager paged={result} noun="passages" href={pageHref} testId="passages-pager-bottom" place="bottom" />
        <MemoList projectId={projectId} target={{ kind: "code", id: codeId }} viewer={{ id: user.id, role }} heading="Memos on this code" />
      </main>
    </>
  );
}
