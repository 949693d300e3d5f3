import { cache } from "react";
import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { type CoderVisibility, maySee } from "../rigour/blind";
import { type CaseFilter, filterCases } from "./case-filter";
import { liveCodes } from "./code-tree";
import { type CoderSelection, coderSelectionLabel, selectedCoderIds } from "./coder-selection";
import { cachedRows, rememberRows, snapshotCacheEnabled } from "./snapshot-cache";
import { indexCtes, liveCodeCtes, passageCtes } from "./sql";
import type { CoderRef, ThemeFigures, ThemeSummaries } from "./types";

/**
 * The analysis reads. Callers (pages) have checked the reader's access to the project.
 * Figures are computed from the codings as they are now: a heavy query's result is reused
 * only while the database is exactly as it was when it ran (analysisQuery), so a coding
 * added or deleted shows on the next view. The heavy parts are SQL; each is held against
 * lib/analysis/reference.ts by tests/db/analysis.
 */

export type CodebookEntry = { id: string; parentId: string | null; name: string; colour: string; position: number; depth: number };

/**
 * Live codes in reading order, each with its effective parent (see code-tree.ts) and depth.
 * Read as an analysis query, so it is remembered while the database is unchanged, and once
 * per server render (React's cache: the theme summaries' table, crosstab and matrix each ask
 * for it; outside a render, in tests and scripts, every call reads). Callers only read it.
 */
export const getLiveCodebook = cache(async function getLiveCodebook(projectId: string): Promise<CodebookEntry[]> {
  const codes = await analysisQuery<{ id: string; parentId: string | null; name: string; colour: string; position: number; deletedAt: Date | null }>(Prisma.sql`
    SELECT id, "parentId", name, colour, position, "deletedAt" FROM "Code" WHERE "projectId" = ${projectId} AND "deletedAt" IS NULL`);
  return flattenCodeTree(liveCodes(codes)).map(({ id, parentId, name, colour, position, depth }) => ({ id, parentId, name, colour, position, depth }));
});

/**
 * The analysts of a project (members who may code, and anyone whose codings are in it) and
 * the label of the selection. A selection naming someone else is NOT_FOUND.
 */
export async function resolveCoderSelection(projectId: string, selection: CoderSelection, visibility: CoderVisibility = "all"): Promise<{ coders: CoderRef[]; label: string }> {
  // The analysts with codings in the project, one index probe each (a loose index scan over
  // CoderPassageSet's (projectId, coderId) index): DISTINCT over the codings would read all of them.
  const coders = await analysisQuery<CoderRef>(Prisma.sql`
    WITH RECURSIVE coder AS (
      (SELECT "coderId" AS id FROM "CoderPassageSet" WHERE "projectId" = ${projectId} ORDER BY "coderId" LIMIT 1)
      UNION ALL
      SELECT (SELECT s."coderId" FROM "CoderPassageSet" s WHERE s."projectId" = ${projectId} AND s."coderId" > c.id ORDER BY s."coderId" LIMIT 1)
      FROM coder c WHERE c.id IS NOT NULL
    )
    SELECT u.id, u.name FROM "User" u
    WHERE u.id IN (SELECT "userId" FROM "Membership" WHERE "projectId" = ${projectId} AND role = 'analyst')
       OR u.id IN (SELECT id FROM coder)
    ORDER BY u.name, u.id`);
  // Blind coding: an analyst whose work is hidden from the reader is not even listed.
  const listed = coders.filter((c) => maySee(visibility, c.id));
  const names = new Map(listed.map((c) => [c.id, c.name]));
  if ((selectedCoderIds(selection) ?? []).some((id) => !names.has(id))) throw notFound("That analyst");
  return { coders: listed, label: coderSelectionLabel(selection, (id) => names.get(id)!) };
}

/** Adjudication decisions not undone: whether the consensus selection has anything to count yet. */
export async function consensusDecisionCount(projectId: string): Promise<number> {
  return db().adjudicationDecision.count({ where: { projectId, undoneAt: null } });
}

type FigureRow = { code_id: string; passages: number; own_passages: number; interviews: number; cases: number; weighted: number; sibling_rank: number };
export type CoderRow = { code_id: string; coder_id: string; passages: number; interviews: number };

/**
 * `visibility` (lib/rigour/blind.ts, project-wide) decides whose per-analyst columns the
 * reader gets: under blind coding an analyst sees their own column only, never a hidden
 * analyst's counts. It is required, so no caller can forget it.
 */
export async function getThemeSummaries(
  projectId: string,
  selection: CoderSelection,
  visibility: CoderVisibility,
  weightAttributeId: string | null = null,
  /** The codes whose per-analyst figures are wanted (a page of the table); every code's when absent. */
  analystsOf?: readonly string[],
): Promise<ThemeSummaries> {
  const prisma = db();
  const weight = weightAttributeId ? await numericAttribute(projectId, weightAttributeId) : null;
  const [{ coders, label }, codebook, figures, byCoder, documents, cases, weightTotal] = await Promise.all([
    resolveCoderSelection(projectId, selection, visibility),
    getLiveCodebook(projectId),
    themeFigures(projectId, selection, weightAttributeId),
    coderFigures(projectId, analystsOf),
    prisma.document.count({ where: { projectId } }),
    prisma.case.count({ where: { projectId } }),
    weightAttributeId ? prisma.attributeValue.aggregate({ where: { projectId, attributeId: weightAttributeId }, _sum: { numberValue: true } }) : null,
  ]);
  const perCoder = new Map(byCoder.map((r) => [`${r.code_id}\u0000${r.coder_id}`, r]));
  const wantsAnalysts = analystsOf ? new Set(analystsOf) : null;
  const weightSum = weightTotal?._sum.numberValue ?? 0;
  return {
    selection,
    selectionLabel: label,
    totals: { documents, cases, weight: weight && { attributeId: weight.id, name: weight.name, total: weightSum } },
    coders,
    rows: codebook.map((code) => {
      const f = figures.get(code.id)!;
      return {
        codeId: code.id,
        parentId: code.parentId,
        name: code.name,
        colour: code.colour,
        depth: code.depth,
        ...f,
        interviewShare: share(f.interviews, documents),
        caseShare: share(f.cases, cases),
        weightedShare: f.weighted === null ? null : share(f.weighted, weightSum),
        byCoder: wantsAnalysts && !wantsAnalysts.has(code.id) ? [] : coders.map((coder) => {
          const r = perCoder.get(`${code.id}\u0000${coder.id}`);
          return { coderId: coder.id, passages: r?.passages ?? 0, interviews: r?.interviews ?? 0 };
        }),
      };
    }),
  };
}

/**
 * Each analyst's own figures per code, rolled up (the summaries' per-analyst columns): rows for
 * analysts with passages of the code or a sub-code; absent means zero. Exported for the tests.
 * From CoderPassageSet (each analyst's passages per document and code, kept by triggers; see
 * sql.ts): each analyst's passages of a code are summed, and their documents, as a bit
 * string, OR-ed up the code tree so an interview is counted once per theme. Rows of deleted
 * codes are aggregated too and dropped at the join with code_tree (live codes only): 500
 * aggregates are cheaper to filter than 200,000 rows.
 */
export async function coderFigures(projectId: string, only?: readonly string[]): Promise<CoderRow[]> {
  // `only`: the rows of these codes alone, read through CoderPassageSet's (documentId, codeId)
  // key for their subtrees (a page of the summaries shows 50 themes; all of a large codebook's
  // rows are 150,000 to aggregate).
  const rows = only
    ? Prisma.sql`s."documentId" = ANY (ARRAY(SELECT id FROM "Document" WHERE "projectId" = ${projectId}))
        AND s."codeId" = ANY (ARRAY(SELECT descendant FROM code_tree WHERE ancestor = ANY(${[...only]}::text[])))`
    : Prisma.sql`s."projectId" = ${projectId}`;
  return analysisQuery<CoderRow>(Prisma.sql`
    WITH RECURSIVE ${liveCodeCtes(projectId)}, ${indexCtes(projectId)},
    per_code AS (
      SELECT s."codeId" AS code_id, s."coderId" AS coder_id, sum(s.passages) AS passages, bit_or(b.docs) AS docs
      FROM "CoderPassageSet" s JOIN doc_bits b ON b.document_id = s."documentId"
      WHERE ${rows}
      GROUP BY 1, 2
    )
    SELECT t.ancestor AS code_id, p.coder_id, sum(p.passages)::int AS passages, bit_count(bit_or(p.docs))::int AS interviews
    FROM code_tree t JOIN per_code p ON p.code_id = t.descendant
    ${only ? Prisma.sql`WHERE t.ancestor = ANY(${[...only]}::text[])` : Prisma.empty}
    GROUP BY 1, 2`);
}

/** The rolled-up figures of every live code under a selection (exported for the tests). */
export async function themeFigures(projectId: string, selection: CoderSelection, weightAttributeId: string | null): Promise<Map<string, ThemeFigures>> {
  // Each code's passages and its documents and cases as bit strings, then each theme the sum
  // and the OR over its subtree: an interview or case is counted once however many sub-codes
  // it has. The weight is summed over the set bits of the theme's cases.
  const rows = await analysisQuery<FigureRow>(Prisma.sql`
    WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, selection)}, ${indexCtes(projectId)},
    per_code AS (
      SELECT i.code_id, sum(i.passages) AS passages, bit_or(b.docs) AS docs, bit_or(b.cases) AS cases
      FROM island_set i JOIN doc_bits b ON b.document_id = i.document_id
      GROUP BY i.code_id
    ),
    rolled AS (
      SELECT t.ancestor AS code_id, sum(p.passages)::int AS passages, coalesce(sum(p.passages) FILTER (WHERE p.code_id = t.ancestor), 0)::int AS own,
             bit_count(bit_or(p.docs))::int AS interviews, bit_count(bit_or(p.cases))::int AS cases, bit_or(p.cases) AS case_set
      FROM code_tree t JOIN per_code p ON p.code_id = t.descendant
      GROUP BY 1
    ),
    case_weight AS (
      SELECT ci.i, v."numberValue" AS weight
      FROM case_index ci JOIN "AttributeValue" v ON v."caseId" = ci.case_id AND v."attributeId" = ${weightAttributeId}::text
      WHERE v."numberValue" IS NOT NULL
    ),
    weighted AS (
      SELECT r.code_id, sum(w.weight)::float8 AS weighted FROM rolled r JOIN case_weight w ON get_bit(r.case_set, w.i) = 1 GROUP BY 1
    )
    SELECT lc.id AS code_id, coalesce(r.passages, 0) AS passages, coalesce(r.own, 0) AS own_passages,
           coalesce(r.interviews, 0) AS interviews, coalesce(r.cases, 0) AS cases, coalesce(w.weighted, 0)::float8 AS weighted,
           rank() OVER (PARTITION BY lc.parent_id ORDER BY coalesce(r.interviews, 0) DESC)::int AS sibling_rank
    FROM live_code lc
    LEFT JOIN rolled r ON r.code_id = lc.id
    LEFT JOIN weighted w ON w.code_id = lc.id`);
  return new Map(
    rows.map((r) => [
      r.code_id,
      {
        passages: r.passages,
        ownPassages: r.own_passages,
        interviews: r.interviews,
        cases: r.cases,
        weighted: weightAttributeId === null ? null : r.weighted,
        siblingRank: r.sibling_rank,
      },
    ]),
  );
}

/**
 * Interviews with each of the given codes (rolled up) among the documents of the given cases
 * (all documents when caseIds is null), and how many documents that is. For findings.
 */
export async function interviewCoverage(
  projectId: string,
  selection: CoderSelection,
  codeIds: readonly string[],
  caseIds: readonly string[] | null,
): Promise<{ documents: number; interviews: Map<string, number> }> {
  const prisma = db();
  const inCases = caseIds ? Prisma.sql`AND d."caseId" = ANY(${[...caseIds]}::text[])` : Prisma.empty;
  const [documents, rows] = await Promise.all([
    prisma.document.count({ where: { projectId, ...(caseIds ? { caseId: { in: [...caseIds] } } : {}) } }),
    analysisQuery<{ code_id: string; interviews: number }>(Prisma.sql`
      WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, selection, codeIds)}
      SELECT t.ancestor AS code_id, count(DISTINCT p.document_id)::int AS interviews
      FROM presence p JOIN code_tree t ON t.descendant = p.code_id JOIN "Document" d ON d.id = p.document_id
      WHERE t.ancestor = ANY(${[...codeIds]}::text[]) ${inCases}
      GROUP BY 1`),
  ]);
  return { documents, interviews: new Map(codeIds.map((id) => [id, rows.find((r) => r.code_id === id)?.interviews ?? 0])) };
}

/**
 * The ids of the project's cases that satisfy a case filter (all cases for an empty one).
 * Filters are small and cases few, so this is TypeScript (case-filter.ts) rather than SQL.
 */
export async function casesMatching(projectId: string, filter: CaseFilter): Promise<string[]> {
  const prisma = db();
  const attributeIds = [...new Set(filter.map((c) => c.attributeId))];
  const [cases, attributes, values] = await Promise.all([
    prisma.case.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { id: true } }),
    prisma.attributeDefinition.count({ where: { projectId, id: { in: attributeIds } } }),
    prisma.attributeValue.findMany({
      where: { projectId, attributeId: { in: attributeIds } },
      select: { caseId: true, attributeId: true, textValue: true, numberValue: true, booleanValue: true },
    }),
  ]);
  if (attributes !== attributeIds.length) throw notFound("A case attribute of the filter");
  return filterCases(cases.map((c) => c.id), values, filter);
}

async function numericAttribute(projectId: string, attributeId: string) {
  const attribute = await db().attributeDefinition.findFirst({ where: { id: attributeId, projectId }, select: { id: true, name: true, type: true } });
  if (!attribute) throw notFound("That case attribute");
  if (attribute.type !== "number") throw new AppError("VALIDATION", `"${attribute.name}" is not a number; choose a numeric attribute to weight by.`);
  return attribute;
}

/**
 * Runs one analysis query in a transaction of its own, with planner settings that suit it:
 * - work_mem 64 MB: the pipeline aggregates a row per document, code (and analyst) of the
 *   project, 200,000 in a large study, and PostgreSQL's default 4 MB sends them to disk;
 * - hash joins and hash aggregates: the row estimates of aggregate and window results are
 *   often 1 or 2 where the truth is 50,000, which makes the planner pick nested loops that
 *   are quadratic on real data, and sorts it thinks are tiny. Every join and grouping here is
 *   on equality over at most a few hundred thousand rows, which hashing does in linear time
 *   whatever the estimate. (Sorts the query needs still happen.)
 * SET LOCAL (set_config(..., true)) ends with the transaction.
 *
 * Results are reused while the database has not changed at all (snapshot-cache.ts): the
 * transaction is REPEATABLE READ so the snapshot it reads is the one its query ran in.
 */
export async function analysisQuery<T>(query: Prisma.Sql): Promise<T[]> {
  const prisma = db();
  const cache = snapshotCacheEnabled();
  const key = JSON.stringify([query.text, query.values]);
  if (cache) {
    const [{ snapshot }] = await prisma.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
    const cached = cachedRows<T>(key, snapshot);
    if (cached) return cached;
  }
  const [, [{ snapshot }], rows] = await prisma.$transaction(
    [
      prisma.$queryRaw`SELECT set_config('work_mem', '64MB', true), set_config('enable_nestloop', 'off', true),
                              set_config('enable_mergejoin', 'off', true), set_config('enable_sort', 'off', true)`,
      prisma.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`,
      prisma.$queryRaw<T[]>(query),
    ],
    // A read is never worth an error: Prisma's 5 s default is short for a large study on a busy server.
    { timeout: 60_000, isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  return cache ? rememberRows(key, snapshot, rows) : rows;
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

