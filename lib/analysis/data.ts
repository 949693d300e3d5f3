import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { type CaseFilter, filterCases } from "./case-filter";
import { liveCodes } from "./code-tree";
import { type CoderSelection, coderSelectionLabel, selectedCoderIds } from "./coder-selection";
import { liveCodeCtes, passageCtes } from "./sql";
import type { CoderRef, ThemeFigures, ThemeSummaries } from "./types";

/**
 * The analysis reads. Callers (pages) have checked the reader's access to the project.
 * Figures are computed on every call from the codings as they are now: nothing is cached,
 * so a coding added or deleted shows on the next view. The heavy parts are SQL; each is
 * held against lib/analysis/reference.ts by tests/db/analysis.
 */

export type CodebookEntry = { id: string; parentId: string | null; name: string; colour: string; position: number; depth: number };

/** Live codes in reading order, each with its effective parent (see code-tree.ts) and depth. */
export async function getLiveCodebook(projectId: string): Promise<CodebookEntry[]> {
  const codes = await db().code.findMany({
    where: { projectId, deletedAt: null },
    select: { id: true, parentId: true, name: true, colour: true, position: true, deletedAt: true },
  });
  return flattenCodeTree(liveCodes(codes)).map(({ id, parentId, name, colour, position, depth }) => ({ id, parentId, name, colour, position, depth }));
}

/**
 * The analysts of a project (members who may code, and anyone whose codings are in it) and
 * the label of the selection. A selection naming someone else is NOT_FOUND.
 */
export async function resolveCoderSelection(projectId: string, selection: CoderSelection): Promise<{ coders: CoderRef[]; label: string }> {
  // Codings are found through the project's documents so that the unique index on
  // (documentId, codeId, coderId, ...) answers alone; "some coding in the project" per user
  // would read every coding of each analyst.
  const coders = await db().$queryRaw<CoderRef[]>`
    SELECT u.id, u.name FROM "User" u
    WHERE u.id IN (SELECT "userId" FROM "Membership" WHERE "projectId" = ${projectId} AND role = 'analyst')
       OR u.id IN (SELECT DISTINCT "coderId" FROM "Coding"
                   WHERE "documentId" = ANY (ARRAY(SELECT id FROM "Document" WHERE "projectId" = ${projectId})))
    ORDER BY u.name, u.id`;
  const names = new Map(coders.map((c) => [c.id, c.name]));
  if ((selectedCoderIds(selection) ?? []).some((id) => !names.has(id))) throw notFound("That analyst");
  return { coders, label: coderSelectionLabel(selection, (id) => names.get(id)!) };
}

type FigureRow = { code_id: string; passages: number; own_passages: number; interviews: number; cases: number; weighted: number; sibling_rank: number };
type CoderRow = { code_id: string; coder_id: string; passages: number; interviews: number };

export async function getThemeSummaries(projectId: string, selection: CoderSelection, weightAttributeId: string | null = null): Promise<ThemeSummaries> {
  const prisma = db();
  const weight = weightAttributeId ? await numericAttribute(projectId, weightAttributeId) : null;
  const [{ coders, label }, codebook, figures, byCoder, documents, cases, weightTotal] = await Promise.all([
    resolveCoderSelection(projectId, selection),
    getLiveCodebook(projectId),
    themeFigures(projectId, selection, weightAttributeId),
    analysisQuery<CoderRow>(Prisma.sql`
      WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, { perCoder: true })},
      rolled AS (
        SELECT t.ancestor AS code_id, pc.grp AS coder_id, pc.document_id, sum(pc.n) AS n
        FROM passage_count pc JOIN code_tree t ON t.descendant = pc.code_id
        GROUP BY 1, 2, 3
      )
      SELECT code_id, coder_id, sum(n)::int AS passages, count(*)::int AS interviews FROM rolled GROUP BY 1, 2`),
    prisma.document.count({ where: { projectId } }),
    prisma.case.count({ where: { projectId } }),
    weightAttributeId ? prisma.attributeValue.aggregate({ where: { projectId, attributeId: weightAttributeId }, _sum: { numberValue: true } }) : null,
  ]);
  const coderFigures = new Map(byCoder.map((r) => [`${r.code_id}\u0000${r.coder_id}`, r]));
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
        byCoder: coders.map((coder) => {
          const r = coderFigures.get(`${code.id}\u0000${coder.id}`);
          return { coderId: coder.id, passages: r?.passages ?? 0, interviews: r?.interviews ?? 0 };
        }),
      };
    }),
  };
}

/** The rolled-up figures of every live code under a selection (exported for the tests). */
export async function themeFigures(projectId: string, selection: CoderSelection, weightAttributeId: string | null): Promise<Map<string, ThemeFigures>> {
  const rows = await analysisQuery<FigureRow>(Prisma.sql`
    WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, { selection })},
    rolled AS (
      SELECT t.ancestor AS code_id, pc.document_id, sum(pc.n) AS passages, coalesce(sum(pc.n) FILTER (WHERE pc.code_id = t.ancestor), 0) AS own
      FROM passage_count pc JOIN code_tree t ON t.descendant = pc.code_id
      GROUP BY 1, 2
    ),
    per_code AS (
      SELECT code_id, sum(passages)::int AS passages, sum(own)::int AS own_passages, count(*)::int AS interviews
      FROM rolled GROUP BY code_id
    ),
    code_case AS (
      SELECT DISTINCT r.code_id, d."caseId" AS case_id
      FROM rolled r JOIN "Document" d ON d.id = r.document_id
      WHERE d."caseId" IS NOT NULL
    ),
    per_case AS (
      SELECT cc.code_id, count(*)::int AS cases, coalesce(sum(v."numberValue"), 0)::float8 AS weighted
      FROM code_case cc
      LEFT JOIN "AttributeValue" v ON v."caseId" = cc.case_id AND v."attributeId" = ${weightAttributeId}::text
      GROUP BY cc.code_id
    )
    SELECT lc.id AS code_id, coalesce(pc.passages, 0) AS passages, coalesce(pc.own_passages, 0) AS own_passages,
           coalesce(pc.interviews, 0) AS interviews, coalesce(ps.cases, 0) AS cases, coalesce(ps.weighted, 0)::float8 AS weighted,
           rank() OVER (PARTITION BY lc.parent_id ORDER BY coalesce(pc.interviews, 0) DESC)::int AS sibling_rank
    FROM live_code lc
    LEFT JOIN per_code pc ON pc.code_id = lc.id
    LEFT JOIN per_case ps ON ps.code_id = lc.id`);
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
      WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, { selection }, codeIds)}
      SELECT t.ancestor AS code_id, count(DISTINCT pc.document_id)::int AS interviews
      FROM passage_count pc JOIN code_tree t ON t.descendant = pc.code_id JOIN "Document" d ON d.id = pc.document_id
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
 * - work_mem 64 MB: the pipeline aggregates every coding of the project, and PostgreSQL's
 *   default 4 MB sends 50,000 codings to disk;
 * - hash joins and hash aggregates: the row estimates of window and aggregate results are
 *   often 1 or 2 where the truth is 50,000, which makes the planner pick nested loops that
 *   are quadratic on real data, and sorts it thinks are tiny. Every join and grouping here is
 *   on equality over at most a few hundred thousand rows, which hashing does in linear time
 *   whatever the estimate. (Sorts the query needs, for windows and ORDER BY, still happen.)
 * SET LOCAL (set_config(..., true)) ends with the transaction.
 */
export async function analysisQuery<T>(query: Prisma.Sql): Promise<T[]> {
  const prisma = db();
  const [, rows] = await prisma.$transaction(
    [
      prisma.$queryRaw`SELECT set_config('work_mem', '64MB', true), set_config('enable_nestloop', 'off', true),
                              set_config('enable_mergejoin', 'off', true), set_config('enable_sort', 'off', true)`,
      prisma.$queryRaw<T[]>(query),
    ],
    // A read is never worth an error: Prisma's 5 s default is short for a large study on a busy server.
    { timeout: 60_000 },
  );
  return rows;
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

