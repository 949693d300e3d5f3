import { share } from "../analysis/data";
import { caseCategoryCte } from "../analysis/sql";
import type { CrosstabCategory } from "../analysis/types";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { ReadScope } from "../rigour/blind";
import { hitsPerDocument } from "./data";
import { getSavedSearch } from "./saved";
import { searchQueryParams } from "./schema";

/**
 * A saved search as a row of the themes-by-case table: per category of the attribute, the
 * cases with at least one hit (comparable with a theme's cases) and the hits themselves.
 */
export type SearchCrosstabRow = {
  savedSearchId: string;
  name: string;
  /** The search page's query string for the saved search. */
  params: string;
  capped: boolean;
  cells: { category: string | null; cases: number; hits: number; share: number | null }[];
  cases: number;
  hits: number;
};

export async function searchCrosstabRow(projectId: string, savedSearchId: string, attributeId: string, categories: readonly CrosstabCategory[], scope: ReadScope): Promise<SearchCrosstabRow> {
  const saved = await getSavedSearch(projectId, savedSearchId);
  const [{ counts, capped }, documents, caseCategories] = await Promise.all([
    hitsPerDocument(projectId, saved.query, scope),
    db().document.findMany({ where: { projectId, caseId: { not: null } }, select: { id: true, caseId: true } }),
    db().$queryRaw<{ case_id: string; category: string | null }[]>`WITH ${caseCategoryCte(projectId, attributeId)} SELECT case_id, category FROM case_category`,
  ]);
  const categoryOf = new Map(caseCategories.map((c) => [c.case_id, c.category]));
  const hitCases = new Map<string | null, Set<string>>();
  const hits = new Map<string | null, number>();
  for (const document of documents) {
    const n = counts.get(document.id) ?? 0;
    if (n === 0 || !categoryOf.has(document.caseId!)) continue;
    const category = categoryOf.get(document.caseId!) ?? null;
    (hitCases.get(category) ?? hitCases.set(category, new Set()).get(category)!).add(document.caseId!);
    hits.set(category, (hits.get(category) ?? 0) + n);
  }
  const cells = categories.map((k) => {
    const cases = hitCases.get(k.value)?.size ?? 0;
    return { category: k.value, cases, hits: hits.get(k.value) ?? 0, share: share(cases, k.cases) };
  });
  if (cells.length === 0) throw new AppError("VALIDATION", "That attribute has no categories to compare the search across.");
  return { savedSearchId: saved.id, name: saved.name, params: searchQueryParams(saved.query).toString(), capped, cells, cases: cells.reduce((n, c) => n + c.cases, 0), hits: cells.reduce((n, c) => n + c.hits, 0) };
}
