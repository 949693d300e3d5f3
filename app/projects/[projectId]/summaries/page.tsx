import type { Metadata } from "next";
import Link from "next/link";
import { SelectionPicker } from "@/components/analysis/selection-picker";
import { BarChart } from "@/components/charts/bar-chart";
import { AppHeader } from "@/components/layout/app-header";
import { Pager } from "@/components/ui/pager";
import { getCoOccurrence, getCrosstab } from "@/lib/analysis/breakdowns-data";
import { coderSelectionToParam } from "@/lib/analysis/coder-selection";
import { consensusDecisionCount, getThemeSummaries } from "@/lib/analysis/data";
import { percent, quotesHref } from "@/lib/analysis/links";
import { pageSelection } from "@/lib/analysis/page-selection";
import { pageOf } from "@/lib/analysis/paging";
import { db } from "@/lib/db/client";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Theme summaries" };

type Search = { coders?: string; weight?: string; by?: string; page?: string };

// Charts drawn on one page, and bars in one chart: a codebook of 10,000 codes has hundreds of parents.
const MAX_CHARTS = 12;
const MAX_BARS = 25;

export default async function SummariesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/summaries`);
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { name: true, attributes: { orderBy: { position: "asc" }, select: { id: true, name: true, type: true } } },
  });
  const { selection, hidden, forced, visibility } = await pageSelection(projectId, { id: user.id, role }, search.coders);
  const header = (
    <AppHeader user={user}>
      <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{project.name}</Link> / <span className="text-stone-900">Theme summaries</span>
    </AppHeader>
  );
  if (hidden) {
    return (
      <>
        {header}
        <main className="mx-auto max-w-6xl px-6 py-8"><p>Blind coding is on: summaries are hidden from viewers until an owner reveals the coding.</p></main>
      </>
    );
  }
  const numeric = project.attributes.filter((a) => a.type === "number");
  const categorical = project.attributes.filter((a) => a.type === "category" || a.type === "boolean");
  const weightId = numeric.some((a) => a.id === search.weight) ? search.weight! : (numeric.find((a) => a.name === "projects")?.id ?? null);
  const byId = categorical.some((a) => a.id === search.by) ? search.by! : (categorical[0]?.id ?? null);
  const [summaries, crosstab, cooccurrence, decisions] = await Promise.all([
    getThemeSummaries(projectId, selection, visibility, weightId),
    byId ? getCrosstab(projectId, selection, byId) : null,
    getCoOccurrence(projectId, selection),
    consensusDecisionCount(projectId),
  ]);
  const { totals, rows, coders } = summaries;
  const label = summaries.selectionLabel;
  const keep = { ...(weightId ? { weight: weightId } : {}), ...(byId ? { by: byId } : {}) };
  // Everything grows with the codebook, so the long tables show a page of themes at a time
  // (the same page of the codebook in both), the charts the first parents, and the
  // co-occurrence matrix the most frequent codes (the full list is a download).
  const paged = pageOf(rows, search.page);
  const pageHref = (page: number) => `/projects/${projectId}/summaries?${new URLSearchParams({ coders: coderSelectionToParam(selection), ...keep, page: String(page) })}`;
  const childrenOf = new Map<string, typeof rows>();
  for (const row of rows) if (row.parentId) (childrenOf.get(row.parentId) ?? childrenOf.set(row.parentId, []).get(row.parentId)!).push(row);
  const allParents = rows.filter((r) => childrenOf.has(r.codeId));
  const parents = allParents.slice(0, MAX_CHARTS);
  const crosstabRows = crosstab ? crosstab.rows.slice(paged.from === 0 ? 0 : paged.from - 1, paged.to) : [];
  const cells = new Map(cooccurrence.cells.map((c) => [`${c.codeIds[0]}\u0000${c.codeIds[1]}`, c]));
  const csvHref = `/api/projects/${projectId}/co-occurrence?coders=${encodeURIComponent(coderSelectionToParam(selection))}`;

  return (
    <>
      {header}
      <main className="mx-auto max-w-6xl space-y-8 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold">Theme summaries</h1>
          <p className="mt-1 text-sm text-stone-600">
            {totals.documents} interviews, {totals.cases} cases. A parent theme counts its sub-themes; an interview counts once. Click any number for the passages behind it.
          </p>
        </div>
        <SelectionPicker selection={selection} coders={coders} label={label} forced={forced} decisions={decisions} hiddenFields={keep} />

        {rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">No codes yet: create the codebook and code some passages, and the summaries appear here.</p>
        ) : (
          <section aria-labelledby="table-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="table-heading" className="text-lg font-semibold">Every theme</h2>
              {numeric.length > 0 && (
                <form method="get" className="flex items-center gap-2 text-sm">
                  <input type="hidden" name="coders" value={coderSelectionToParam(selection)} />
                  {byId && <input type="hidden" name="by" value={byId} />}
                  <label htmlFor="weight">Weight by</label>
                  <select id="weight" name="weight" defaultValue={weightId ?? ""} className="rounded border border-stone-300 px-2 py-1">
                    {numeric.map((a) => (
                      <option key={a.id} value={a.id}>{a.name.replaceAll("_", " ")}</option>
                    ))}
                  </select>
                  <button type="submit" className="rounded border border-stone-300 px-2 py-1">Apply</button>
                </form>
              )}
            </div>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-sm" data-testid="summaries-table">
                <caption className="sr-only">Theme coverage; whose coding counts: {label}</caption>
                <thead className="bg-stone-50 text-left text-xs text-stone-600">
                  <tr>
                    <th className="px-3 py-2">Theme</th>
                    <th className="px-3 py-2 text-right">Passages</th>
                    <th className="px-3 py-2 text-right">Interviews</th>
                    {totals.weight && <th className="px-3 py-2 text-right">{totals.weight.name.replaceAll("_", " ")} (of {totals.weight.total})</th>}
                    {coders.map((c) => (
                      <th key={c.id} className="px-3 py-2 text-right">{c.name}</th>
                    ))}
                    <th className="px-3 py-2 text-right">Rank among siblings</th>
                  </tr>
                </thead>
                <tbody>
                  {paged.rows.map((row) => {
                    const cell = { kind: "code" as const, codeId: row.codeId };
                    return (
                      <tr key={row.codeId} className="border-t border-stone-100">
                        <td className="px-3 py-1.5" style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}>
                          <span className="mr-2 inline-block size-2.5 rounded-sm" style={{ backgroundColor: row.colour }} />
                          <Link href={`/projects/${projectId}/themes/${row.codeId}?coders=${coderSelectionToParam(selection)}`} className="hover:underline">{row.name}</Link>
                        </td>
                        <td className="px-3 py-1.5 text-right tabular-nums"><Link href={quotesHref(projectId, selection, cell)} className="text-teal-800 hover:underline">{row.passages}</Link></td>
                        <td className="px-3 py-1.5 text-right tabular-nums">
                          <Link href={quotesHref(projectId, selection, cell)} className="text-teal-800 hover:underline">{row.interviews} of {totals.documents}</Link> <span className="text-stone-500">({percent(row.interviewShare)})</span>
                        </td>
                        {totals.weight && <td className="px-3 py-1.5 text-right tabular-nums">{row.weighted} <span className="text-stone-500">({percent(row.weightedShare)})</span></td>}
                        {row.byCoder.map((c) => (
                          <td key={c.coderId} className="px-3 py-1.5 text-right tabular-nums">
                            <Link href={quotesHref(projectId, { kind: "coder", coderId: c.coderId }, cell)} className="hover:underline">{c.passages}</Link>
                          </td>
                        ))}
                        <td className="px-3 py-1.5 text-right tabular-nums text-stone-600">{row.siblingRank}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pager paged={paged} noun="themes" href={pageHref} testId="summaries-pager" />
          </section>
        )}

        {parents.length > 0 && (
          <section aria-labelledby="charts-heading" className="space-y-6">
            <h2 id="charts-heading" className="text-lg font-semibold">Which themes matter most</h2>
            {allParents.length > parents.length && (
              <p className="text-sm text-stone-600" data-testid="charts-note">
                Charts of the first {parents.length} of {allParents.length.toLocaleString("en")} themes with sub-themes; open a theme from the table for the rest.
              </p>
            )}
            {parents.map((parent) => {
              const siblings = [...(childrenOf.get(parent.codeId) ?? [])].sort((a, b) => a.siblingRank - b.siblingRank);
              const children = siblings.slice(0, MAX_BARS);
              return (
                <BarChart
                  key={parent.codeId}
                  id={`chart-${parent.codeId}`}
                  title={`${parent.name}: share of interviews${siblings.length > children.length ? ` (top ${children.length} of ${siblings.length} sub-themes)` : ""}`}
                  description={`Whose coding counts: ${label}. ${children.map((c) => `${c.name}: ${c.interviews} of ${totals.documents} interviews (${percent(c.interviewShare)})`).join("; ")}.`}
                  bars={children.map((c) => ({ label: c.name, value: c.interviewShare ?? 0, display: `${percent(c.interviewShare)} (${c.interviews})`, colour: c.colour, href: quotesHref(projectId, selection, { kind: "code", codeId: c.codeId }) }))}
                />
              );
            })}
          </section>
        )}

        {crosstab && (
          <section aria-labelledby="crosstab-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="crosstab-heading" className="text-lg font-semibold">Themes by {crosstab.attribute.name.replaceAll("_", " ")} (cases)</h2>
              <form method="get" className="flex items-center gap-2 text-sm">
                <input type="hidden" name="coders" value={coderSelectionToParam(selection)} />
                {weightId && <input type="hidden" name="weight" value={weightId} />}
                <label htmlFor="by">Break down by</label>
                <select id="by" name="by" defaultValue={byId ?? ""} className="rounded border border-stone-300 px-2 py-1">
                  {categorical.map((a) => (
                    <option key={a.id} value={a.id}>{a.name.replaceAll("_", " ")}</option>
                  ))}
                </select>
                <button type="submit" className="rounded border border-stone-300 px-2 py-1">Apply</button>
              </form>
            </div>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-sm" data-testid="crosstab">
                <caption className="sr-only">Cases with each theme by {crosstab.attribute.name}; whose coding counts: {crosstab.selectionLabel}</caption>
                <thead className="bg-stone-50 text-left text-xs text-stone-600">
                  <tr>
                    <th className="px-3 py-2">Theme</th>
                    {crosstab.categories.map((c) => (
                      <th key={c.label} className="px-3 py-2 text-right">{c.label} <span className="font-normal">({c.cases})</span></th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {crosstabRows.map((row) => (
                    <tr key={row.codeId} className="border-t border-stone-100">
                      <td className="px-3 py-1.5" style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}>{row.name}</td>
                      {row.cells.map((cell) => (
                        <td key={String(cell.category)} className="px-3 py-1.5 text-right tabular-nums">
                          <Link href={quotesHref(projectId, selection, { kind: "category", codeId: row.codeId, attributeId: crosstab.attribute.id, category: cell.category })} className="text-teal-800 hover:underline">
                            {cell.cases}
                          </Link>{" "}
                          <span className="text-stone-500">({percent(cell.share)})</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager paged={paged} noun="themes" href={pageHref} />
          </section>
        )}

        {cooccurrence.codes.length > 1 && (
          <section aria-labelledby="cooccurrence-heading">
            <h2 id="cooccurrence-heading" className="text-lg font-semibold">Co-occurrence (interviews with both; overlapping passages in brackets)</h2>
            <p className="mt-1 text-sm text-stone-600" data-testid="cooccurrence-note">
              {cooccurrence.omitted > 0
                ? `The ${cooccurrence.codes.length} codes in the most interviews; ${cooccurrence.omitted.toLocaleString("en")} more of the ${cooccurrence.coded.toLocaleString("en")} codes with passages are left out here. `
                : ""}
              <a href={csvHref} className="text-teal-800 underline" download>Download every pair (CSV)</a>
            </p>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="text-xs" data-testid="cooccurrence">
                <caption className="sr-only">Interviews in which two themes both occur; whose coding counts: {cooccurrence.selectionLabel}</caption>
                <thead>
                  <tr>
                    <th />
                    {cooccurrence.codes.map((c) => (
                      <th key={c.codeId} className="h-32 px-1 align-bottom font-normal text-stone-600"><span className="inline-block max-w-[8rem] -rotate-60 origin-bottom-left translate-x-3 whitespace-nowrap">{c.name}</span></th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {cooccurrence.codes.map((a) => (
                    <tr key={a.codeId} className="border-t border-stone-100">
                      <th className="whitespace-nowrap px-2 py-1 text-left font-normal">{a.name}</th>
                      {cooccurrence.codes.map((b) => {
                        if (a.codeId === b.codeId) return <td key={b.codeId} className="bg-stone-100" />;
                        const pair = [a.codeId, b.codeId].sort() as [string, string];
                        const cell = cells.get(`${pair[0]}\u0000${pair[1]}`);
                        return (
                          <td key={b.codeId} className="px-1 py-1 text-center tabular-nums">
                            {cell ? (
                              <Link href={quotesHref(projectId, selection, { kind: "pair", codeIds: pair, scope: "interviews" })} className="text-teal-800 hover:underline" title={`${a.name} and ${b.name}: ${cell.interviews} interviews, ${cell.passages} overlapping passages`}>
                                {cell.interviews}{cell.passages > 0 ? ` (${cell.passages})` : ""}
                              </Link>
                            ) : (
                              <span className="text-stone-300">·</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </main>
    </>
  );
}
