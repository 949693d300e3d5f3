import { attributeLabel } from "../cases/label";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import type { CoderSelection } from "./coder-selection";
import { analysisQuery, getLiveCodebook, resolveCoderSelection, share } from "./data";
import { caseCategoryCte, coOccurrenceCtes, indexCtes, liveCodeCtes, passageCtes } from "./sql";
import type { CoOccurrence, Crosstab, CrosstabCategory } from "./types";

/**
 * The breakdowns behind the theme summaries: a code by a category of cases, and codes by
 * each other. Reads like data.ts (callers have checked access; a result is reused only
 * while the database is unchanged), each held against lib/analysis/reference.ts by
 * tests/db/analysis.
 */

/** Cases with each code (rolled up) by category of a category or yes/no attribute. */
export async function getCrosstab(projectId: string, selection: CoderSelection, attributeId: string): Promise<Crosstab> {
  const prisma = db();
  const attribute = await prisma.attributeDefinition.findFirst({ where: { id: attributeId, projectId }, select: { id: true, name: true, displayName: true, type: true, categories: true } });
  if (!attribute) throw notFound("That case attribute");
  if (attribute.type !== "category" && attribute.type !== "boolean") {
    throw new AppError("VALIDATION", `"${attributeLabel(attribute)}" is not a category; choose a category or yes/no attribute to break down by.`);
  }
  const caseCategory = caseCategoryCte(projectId, attributeId);
  const [{ label }, codebook, cells, columns] = await Promise.all([
    resolveCoderSelection(projectId, selection),
    getLiveCodebook(projectId),
    // Cases as bit strings: each code's cases, OR-ed over each theme's subtree, AND-ed with
    // each category's cases. Only presence is needed, so no spans are merged.
    analysisQuery<{ code_id: string; category: string | null; cases: number }>(Prisma.sql`
      WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, selection)}, ${indexCtes(projectId)},
      per_code AS (
        SELECT p.code_id, bit_or(b.cases) AS cases
        FROM presence p JOIN doc_bits b ON b.document_id = p.document_id
        GROUP BY p.code_id
      ),
      rolled AS (
        SELECT t.ancestor AS code_id, bit_or(p.cases) AS cases FROM code_tree t JOIN per_code p ON p.code_id = t.descendant GROUP BY 1
      ),
      ${caseCategory},
      category_cases AS (
        SELECT k.category, bit_or(set_bit(z.cases, ci.i, 1)) AS cases
        FROM case_category k JOIN case_index ci ON ci.case_id = k.case_id CROSS JOIN no_bits z
        GROUP BY k.category
      )
      SELECT r.code_id, k.category, bit_count(r.cases & k.cases)::int AS cases
      FROM rolled r CROSS JOIN category_cases k`),
    prisma.$queryRaw<{ category: string | null; cases: number }[]>`
      WITH ${caseCategory} SELECT category, count(*)::int AS cases FROM case_category GROUP BY 1`,
  ]);
  const categories = crosstabColumns(attribute.type === "boolean" ? ["yes", "no"] : attribute.categories, columns);
  const count = new Map(cells.map((c) => [`${c.code_id}\u0000${c.category}`, c.cases]));
  return {
    selection,
    selectionLabel: label,
    attribute: { id: attribute.id, name: attribute.name, label: attributeLabel(attribute) },
    categories,
    rows: codebook.map((code) => {
      const row = categories.map((k) => {
        const cases = count.get(`${code.id}\u0000${k.value}`) ?? 0;
        return { category: k.value, cases, share: share(cases, k.cases) };
      });
      return { codeId: code.id, name: code.name, depth: code.depth, cells: row, cases: row.reduce((n, c) => n + c.cases, 0) };
    }),
  };
}

/** Listed categories in order (even when no case has them), then unlisted values found, then "no value". */
export function crosstabColumns(listed: readonly string[], found: readonly { category: string | null; cases: number }[]): CrosstabCategory[] {
  const counts = new Map(found.map((f) => [f.category, f.cases]));
  const extra = found.map((f) => f.category).filter((v): v is string => v !== null && !listed.includes(v)).sort();
  const columns: CrosstabCategory[] = [...listed, ...extra].map((value) => ({ value, label: value, cases: counts.get(value) ?? 0 }));
  if (counts.has(null)) columns.push({ value: null, label: "(no value)", cases: counts.get(null)! });
  return columns;
}

/**
 * How many codes the co-occurrence matrix of a page shows: a matrix grows with codes x codes
 * (10,000 codes made a page of hundreds of megabytes and exhausted the server), so past this
 * the page shows the most frequent codes and the full list of pairs is a download
 * (coOccurrencePairs, co-occurrence-csv.ts).
 */
export const CO_OCCURRENCE_CODES = 40;

/** The matrix the summaries page shows unless asked for CO_OCCURRENCE_CODES: 20 x 20 cells read at a glance. */
export const CO_OCCURRENCE_SHOWN = 20;

/**
 * Pairs of codes (as coded, not rolled up) in the same interviews, and their overlapping
 * passages, among at most `limit` codes: the whole codebook when it is no larger, else the
 * `limit` codes in the most interviews (ties in reading order), so the pairs that matter most
 * come first. `coded` and `omitted` say how many codes with passages were left out.
 */
export async function getCoOccurrence(projectId: string, selection: CoderSelection, limit = CO_OCCURRENCE_CODES): Promise<CoOccurrence> {
  const [{ label }, codebook, frequency] = await Promise.all([
    resolveCoderSelection(projectId, selection),
    getLiveCodebook(projectId),
    codeInterviews(projectId, selection),
  ]);
  const coded = codebook.filter((c) => frequency.has(c.id));
  const order = new Map(codebook.map((c, i) => [c.id, i]));
  const chosen = new Set(
    codebook.length <= limit
      ? codebook.map((c) => c.id)
      : coded
          .map((c) => c.id)
          .sort((x, y) => frequency.get(y)! - frequency.get(x)! || order.get(x)! - order.get(y)!)
          .slice(0, limit),
  );
  const pairs = chosen.size < 2 ? [] : await pairRows(projectId, selection, codebook.length <= limit ? undefined : [...chosen]);
  return {
    selection,
    selectionLabel: label,
    codes: codebook.filter((c) => chosen.has(c.id)).map((c) => ({ codeId: c.id, name: c.name, depth: c.depth, parentId: c.parentId })),
    cells: pairs
      .map((p) => ({ codeIds: [p.code_a, p.code_b].sort() as [string, string], interviews: p.interviews, passages: p.passages }))
      .sort((x, y) => compare(x.codeIds[0], y.codeIds[0]) || compare(x.codeIds[1], y.codeIds[1])),
    coded: coded.length,
    omitted: coded.filter((c) => !chosen.has(c.id)).length,
  };
}

/**
 * Every pair of codes that co-occurs, most interviews first, at most `maxPairs` of them (the
 * download of the full matrix as a list; `truncated` when there were more), with the codebook
 * to name them.
 */
export async function coOccurrencePairs(projectId: string, selection: CoderSelection, maxPairs: number) {
  const [{ label }, codebook, pairs] = await Promise.all([
    resolveCoderSelection(projectId, selection),
    getLiveCodebook(projectId),
    pairRows(projectId, selection, undefined, maxPairs + 1),
  ]);
  return { selectionLabel: label, codebook, pairs: pairs.slice(0, maxPairs), truncated: pairs.length > maxPairs };
}

type PairRow = { code_a: string; code_b: string; interviews: number; passages: number };

function pairRows(projectId: string, selection: CoderSelection, among?: readonly string[], limit?: number): Promise<PairRow[]> {
  return analysisQuery<PairRow>(Prisma.sql`
    WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, selection)}, ${indexCtes(projectId)},
    ${coOccurrenceCtes(projectId, selection, among)}
    SELECT a.code_id AS code_a, b.code_id AS code_b, d.interviews, coalesce(p.passages, 0)::int AS passages
    FROM doc_pair d
    JOIN code_index a ON a.j = d.code_a JOIN code_index b ON b.j = d.code_b
    LEFT JOIN passage_pair p ON p.code_a = d.code_a AND p.code_b = d.code_b
    WHERE d.interviews > 0
    ${limit === undefined ? Prisma.empty : Prisma.sql`ORDER BY d.interviews DESC, passages DESC, a.code_id, b.code_id LIMIT ${limit}`}`);
}

/** Interviews with each code (as coded) that has a passage under the selection. */
async function codeInterviews(projectId: string, selection: CoderSelection): Promise<Map<string, number>> {
  const rows = await analysisQuery<{ code_id: string; interviews: number }>(Prisma.sql`
    WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, selection)}, ${indexCtes(projectId)}
    SELECT p.code_id, bit_count(bit_or(b.docs))::int AS interviews
    FROM island_set p JOIN doc_bits b ON b.document_id = p.document_id
    GROUP BY 1`);
  return new Map(rows.map((r) => [r.code_id, r.interviews]));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
