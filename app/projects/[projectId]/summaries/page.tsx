import type { Metadata } from "next";
import Link from "next/link";
import { CoOccurrenceMatrix } from "@/components/analysis/co-occurrence-matrix";
import { CrosstabTable } from "@/components/analysis/crosstab-table";
import { SelectionPicker } from "@/components/analysis/selection-picker";
import { ThemeTable } from "@/components/analysis/theme-table";
import { BarChart } from "@/components/charts/bar-chart";
import { AppHeader } from "@/components/layout/app-header";
import { StaleNotice } from "@/components/live/stale-notice";
import { Pager } from "@/components/ui/pager";
import { attributeLabel } from "@/lib/cases/label";
import { CO_OCCURRENCE_CODES, CO_OCCURRENCE_SHOWN, getCoOccurrence, getCrosstab } from "@/lib/analysis/breakdowns-data";
import { coderSelectionToParam } from "@/lib/analysis/coder-selection";
import { consensusDecisionCount, getLiveCodebook, getThemeSummaries } from "@/lib/analysis/data";
import { percent, relativeQuotesHref } from "@/lib/analysis/links";
import { pageSelection } from "@/lib/analysis/page-selection";
import { pageOf, THEMES_PER_PAGE } from "@/lib/analysis/paging";
import { summariesPageContext } from "@/lib/analysis/summaries-page";
import { latestEventId } from "@/lib/live/events";
import { readScope } from "@/lib/rigour/blind";
import { searchCrosstabRow } from "@/lib/search/crosstab";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Theme summaries" };

type Search = { coders?: string; weight?: string; by?: string; page?: string; matrix?: string; search?: string };

// Charts drawn on one page (of its themes with sub-themes), and bars in one chart: a codebook of 10,000 codes has hundreds of parents.
const MAX_CHARTS = 12;
const MAX_BARS = 25;

export default async function SummariesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/summaries`);
  // Before the figures are read, so a change made meanwhile is announced rather than missed.
  const liveSince = await latestEventId(projectId);
  const project = await summariesPageContext(projectId);
  const { selection, hidden, forced, visibility } = await pageSelection(projectId, { id: user.id, role }, search.coders);
  const header = (
    <AppHeader user={user} projectId={projectId}>
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
  // The matrix shows the most frequent codes; ?matrix=40 asks for more (every pair is a download).
  const matrixSize = search.matrix === String(CO_OCCURRENCE_CODES) ? CO_OCCURRENCE_CODES : CO_OCCURRENCE_SHOWN;
  // Per-analyst figures only for the page's themes: every theme's was most of a cold view's work.
  const pageCodes = pageOf(await getLiveCodebook(projectId), search.page, THEMES_PER_PAGE).rows.map((c) => c.id);
  const [summaries, crosstab, cooccurrence, decisions] = await Promise.all([
    getThemeSummaries(projectId, selection, visibility, weightId, pageCodes),
    byId ? getCrosstab(projectId, selection, byId) : null,
    getCoOccurrence(projectId, selection, matrixSize),
    consensusDecisionCount(projectId),
  ]);
  const { totals, rows, coders } = summaries;
  const label = summaries.selectionLabel;
  // A saved search compared with the themes, as a row of the table by case.
  const searchId = project.savedSearches.some((s) => s.id === search.search) ? search.search! : null;
  const searchRow = crosstab && searchId ? await searchCrosstabRow(projectId, searchId, crosstab.attribute.id, crosstab.categories, await readScope(projectId, { id: user.id, role })) : null;
  const keep = { ...(weightId ? { weight: weightId } : {}), ...(byId ? { by: byId } : {}), ...(searchId ? { search: searchId } : {}), ...(matrixSize !== CO_OCCURRENCE_SHOWN ? { matrix: String(matrixSize) } : {}) };
  // Everything grows with the codebook, so the long tables show a page of themes at a time
  // (the same page of the codebook in both), the charts the first parents, and the
  // co-occurrence matrix the most frequent codes (the full list is a download).
  const paged = pageOf(rows, search.page, THEMES_PER_PAGE);
  const here = (changes: Record<string, string>) => `/projects/${projectId}/summaries?${new URLSearchParams({ coders: coderSelectionToParam(selection), ...keep, page: String(paged.page), ...changes })}`;
  const pageHref = (page: number) => here({ page: String(page) });
  const childrenOf = new Map<string, typeof rows>();
  for (const row of rows) if (row.parentId) (childrenOf.get(row.parentId) ?? childrenOf.set(row.parentId, []).get(row.parentId)!).push(row);
  // The charts follow the page too: the themes with sub-themes among this page's rows.
  const allParents = rows.filter((r) => childrenOf.has(r.codeId));
  const pageParents = paged.rows.filter((r) => childrenOf.has(r.codeId));
  const parents = pageParents.slice(0, MAX_CHARTS);
  const crosstabRows = crosstab ? crosstab.rows.slice(paged.from === 0 ? 0 : paged.from - 1, paged.to) : [];
  const csvHref = `/api/projects/${projectId}/co-occurrence?coders=${encodeURIComponent(coderSelectionToParam(selection))}`;

  return (
    <>
      {header}
      <main className="mx-auto max-w-6xl space-y-8 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold">Theme summaries</h1>
          <StaleNotice projectId={projectId} page="summaries" since={liveSince.toString()} me={user.id} />
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
                      <option key={a.id} value={a.id}>{attributeLabel(a)}</option>
                    ))}
                  </select>
                  {project.savedSearches.length > 0 && (
                  <>
                    <label htmlFor="compare">Compare with</label>
                    <select id="compare" name="search" defaultValue={searchId ?? ""} className="max-w-56 rounded border border-stone-300 px-2 py-1">
                      <option value="">no saved search</option>
                      {project.savedSearches.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                    </select>
                  </>
                )}
                <button type="submit" className="rounded border border-stone-300 px-2 py-1">Apply</button>
                </form>
              )}
            </div>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <ThemeTable summaries={summaries} rows={paged.rows} selection={selection} />
            </div>
            <Pager paged={paged} noun="themes" href={pageHref} testId="summaries-pager" />
          </section>
        )}

        {parents.length > 0 && (
          <section aria-labelledby="charts-heading" className="space-y-6">
            <h2 id="charts-heading" className="text-lg font-semibold">Which themes matter most</h2>
            {allParents.length > parents.length && (
              <p className="text-sm text-stone-600" data-testid="charts-note">
                Charts of {parents.length < pageParents.length ? `the first ${parents.length} of ` : ""}the {pageParents.length} themes with sub-themes on this page of the table, of {allParents.length.toLocaleString("en")} in all; the other pages chart the rest.
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
                  bars={children.map((c) => ({ label: c.name, value: c.interviewShare ?? 0, display: `${percent(c.interviewShare)} (${c.interviews})`, colour: c.colour, href: relativeQuotesHref(selection, { kind: "code", codeId: c.codeId }) }))}
                />
              );
            })}
          </section>
        )}

        {crosstab && (
          <section aria-labelledby="crosstab-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="crosstab-heading" className="text-lg font-semibold">Themes by {crosstab.attribute.label} (cases)</h2>
              <form method="get" className="flex items-center gap-2 text-sm">
                <input type="hidden" name="coders" value={coderSelectionToParam(selection)} />
                {weightId && <input type="hidden" name="weight" value={weightId} />}
                <label htmlFor="by">Break down by</label>
                <select id="by" name="by" defaultValue={byId ?? ""} className="rounded border border-stone-300 px-2 py-1">
                  {categorical.map((a) => (
                    <option key={a.id} value={a.id}>{attributeLabel(a)}</option>
                  ))}
                </select>
                {project.savedSearches.length > 0 && (
                  <>
                    <label htmlFor="compare">Compare with</label>
                    <select id="compare" name="search" defaultValue={searchId ?? ""} className="max-w-56 rounded border border-stone-300 px-2 py-1">
                      <option value="">no saved search</option>
                      {project.savedSearches.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                    </select>
                  </>
                )}
                <button type="submit" className="rounded border border-stone-300 px-2 py-1">Apply</button>
              </form>
            </div>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <CrosstabTable crosstab={crosstab} rows={crosstabRows} selection={selection} searchRow={searchRow} projectId={projectId} />
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
              {cooccurrence.coded > CO_OCCURRENCE_SHOWN && (
                <>
                  <a href={`${here({ matrix: String(matrixSize === CO_OCCURRENCE_SHOWN ? CO_OCCURRENCE_CODES : CO_OCCURRENCE_SHOWN) })}#cooccurrence-heading`} className="text-teal-800 underline" data-testid="cooccurrence-size">
                    {matrixSize === CO_OCCURRENCE_SHOWN ? `Show the ${CO_OCCURRENCE_CODES} most frequent` : `Show the ${CO_OCCURRENCE_SHOWN} most frequent`}
                  </a>{" "}
                  ·{" "}
                </>
              )}
              <a href={csvHref} className="text-teal-800 underline" download>Download every pair (CSV)</a>
            </p>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <CoOccurrenceMatrix cooccurrence={cooccurrence} selection={selection} />
            </div>
          </section>
        )}
      </main>
    </>
  );
}
