import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { type CoderSelection, selectedCoderIds } from "./coder-selection";
import { analysisQuery, casesMatching, resolveCoderSelection } from "./data";
import { type PageWindow, pageWindow, requestedPage } from "./paging";
import type { QuoteCell } from "./schema";
import { caseCategoryCte, liveCodeCtes, passageCtes } from "./sql";

/**
 * The passages behind a number, so every figure on a page can be clicked: a separate file
 * from data.ts because it is the one read that returns text rather than counts. The
 * passages come from the same SQL as the figures (sql.ts), so their number is the figure.
 */

/**
 * A stored span behind a passage. Under the consensus selection these are the consensus
 * layer's rows (layer "consensus": id is a ConsensusCoding's, coderId and coderName the
 * adjudicator's, memo the decision's reason), not analysts' codings: they cannot be starred
 * or pinned as evidence.
 */
export type QuoteCoding = {
  id: string;
  layer: "coding" | "consensus";
  codeId: string;
  coderId: string;
  coderName: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
};

export type Quote = {
  documentId: string;
  documentTitle: string;
  caseId: string | null;
  caseName: string | null;
  /** The code of the passage; two for an overlap of a pair. */
  codes: { id: string; name: string }[];
  /** Who speaks in it: the speakers of the turns it reaches into, in order, each once. */
  speakers: string[];
  /** The passage under the selection (code points of the document text) and its text. */
  start: number;
  end: number;
  text: string;
  /** The stored codings behind the passage, each with its own span, analyst and memo. */
  codings: QuoteCoding[];
};

/** One page of the passages behind a cell; `total` counts them all (the figure), `quotes` the page's. */
export type CellQuotes = PageWindow & { selectionLabel: string; quotes: Quote[] };

/** Passages a list page shows at a time: a theme of thousands stays a page of bounded size. */
export const PASSAGES_PER_PAGE = 100;

/**
 * Which page of the passages to read: page `page` (from 1; past the end, the last page) of
 * `size` passages. A bare number is the first page of that size.
 */
export type QuotePage = number | { page: number; size: number };

/**
 * A theme page's narrowing of its passages: text in the passage or in a memo (a decision's
 * reason under consensus) of a coding behind it, case-insensitive; and passages with a starred
 * coding behind them. Applied in SQL before the page is cut, so a search finds a passage
 * wherever it is in a large theme and `total` counts the matches. `starredFirst` orders the
 * starred passages first within each interview, in SQL too, so that the order is one across
 * pages (sorting a page after it was cut would move a starred passage only within its page).
 */
export type QuoteNarrowing = { contains?: string; representativeOnly?: boolean; starredFirst?: boolean };

type HitRow = {
  document_id: string;
  title: string;
  case_id: string | null;
  case_name: string | null;
  code_ids: string[];
  s: number;
  e: number;
  text: string;
  speakers: string[] | null;
  total: number;
};

export async function getCellQuotes(
  projectId: string,
  selection: CoderSelection,
  cell: QuoteCell,
  paging: QuotePage = 500,
  narrowing: QuoteNarrowing = {},
): Promise<CellQuotes> {
  const { page: wanted, size } = typeof paging === "number" ? { page: 1, size: paging } : paging;
  const offset = (requestedPage(wanted) - 1) * size;
  const codeIds = cell.kind === "pair" ? cell.codeIds : [cell.codeId];
  // The cell's codes and then the names of the page's codes, rather than the whole codebook (thousands of rows).
  const [{ label }, live] = await Promise.all([
    resolveCoderSelection(projectId, selection),
    db().code.findMany({ where: { projectId, id: { in: [...codeIds] }, deletedAt: null }, select: { id: true } }),
  ]);
  if (codeIds.some((id) => !live.some((c) => c.id === id))) throw notFound("That code");
  if (cell.kind === "pair" && cell.codeIds[0] === cell.codeIds[1]) throw new AppError("VALIDATION", "Choose two different codes.");

  const hits = await analysisQuery<HitRow>(Prisma.sql`
    WITH RECURSIVE ${liveCodeCtes(projectId)}, ${passageCtes(projectId, selection, codeIds)},
    ${await hitCte(projectId, cell)},
    ${shownCte(selection, narrowing)},
    ${starredCte(projectId, selection, narrowing)},
    counted AS (SELECT count(*)::int AS total FROM shown),
    page AS (
      SELECT h.*, d.position, d.title, d."caseId" AS case_id,
             -- The IN (hashed, once) spares the scan of every star for each passage of an interview without any.
             (h.document_id IN (SELECT document_id FROM starred)
              AND EXISTS (SELECT 1 FROM starred k WHERE k.document_id = h.document_id AND k.code_id = ANY(h.code_ids) AND k.s < h.e AND h.s < k.e)) AS starred
      FROM shown h JOIN "Document" d ON d.id = h.document_id
      ORDER BY d.position, d.title, d.id, starred DESC, h.s, h.e, h.code_ids
      -- Past the end, the last page: the same clamp as pageWindow below.
      LIMIT ${size} OFFSET (SELECT least(${offset}::int, greatest(0, (total - 1) / ${size}::int) * ${size}::int) FROM counted)
    ),
    -- The text is cut only for the page: cutting it for every passage of a large theme would
    -- decompress its documents thousands of times to show one page of quotes. On a page, each
    -- cut by character position walks the text from its start (UTF-8), which for 100 passages
    -- deep in long interviews took most of the query (~100 ms); a document whose text is ASCII
    -- (one byte a character, checked once per document) is cut by byte position instead.
    -- The cut is made before joining on, so no later join carries whole texts.
    page_text AS MATERIALIZED (
      SELECT d.id, d.text, convert_to(d.text, 'UTF8') AS bytes, octet_length(d.text) = char_length(d.text) AS ascii
      FROM "Document" d WHERE d.id IN (SELECT document_id FROM page)
    ),
    page_cut AS MATERIALIZED (
      SELECT pg.*, CASE WHEN d.ascii THEN convert_from(substring(d.bytes FROM pg.s + 1 FOR pg.e - pg.s), 'UTF8')
                        ELSE substring(d.text FROM pg.s + 1 FOR pg.e - pg.s) END AS text
      FROM page pg JOIN page_text d ON d.id = pg.document_id
    )
    SELECT pg.document_id, pg.title, pg.case_id, c.name AS case_name, pg.code_ids, pg.s, pg.e,
           pg.text, sp.speakers, (SELECT total FROM counted) AS total
    FROM page_cut pg LEFT JOIN "Case" c ON c.id = pg.case_id
    LEFT JOIN LATERAL (
      SELECT array_agg(t.speaker ORDER BY t.index) AS speakers FROM "SpeakerTurn" t
      WHERE t."documentId" = pg.document_id AND t.start < pg.e AND pg.s < t."end"
    ) sp ON true
    ORDER BY pg.position, pg.title, pg.document_id, pg.starred DESC, pg.s, pg.e, pg.code_ids`);

  const [codings, named] = await Promise.all([
    selection.kind === "consensus" ? consensusBehind(hits) : codingsBehind(hits, selectedCoderIds(selection)),
    db().code.findMany({ where: { projectId, id: { in: [...new Set(hits.flatMap((h) => h.code_ids))] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(named.map((c) => [c.id, c.name]));
  return {
    selectionLabel: label,
    ...pageWindow(hits[0]?.total ?? 0, wanted, size, hits.length),
    quotes: hits.map((h, i) => ({
      documentId: h.document_id,
      documentTitle: h.title,
      caseId: h.case_id,
      caseName: h.case_name,
      codes: h.code_ids.map((id) => ({ id, name: names.get(id) ?? "" })),
      speakers: [...new Set(h.speakers ?? [])],
      start: h.s,
      end: h.e,
      text: h.text,
      codings: codings.get(i) ?? [],
    })),
  };
}

/**
 * The stored codings behind each passage: those of its code(s) and the selection's analysts
 * that reach into it. One probe of the (documentId, codeId, ...) index per passage shown,
 * rather than every coding of the theme, so a list of 500 stays quick in a large study.
 */
async function codingsBehind(hits: HitRow[], coders: string[] | null): Promise<Map<number, QuoteCoding[]>> {
  const probes = hits.flatMap((h, i) => h.code_ids.map((codeId) => ({ i, documentId: h.document_id, codeId, s: h.s, e: h.e })));
  const rows = await probe<QuoteCoding & { i: number }>(Prisma.sql`
    SELECT h.i::int AS i, k.id, 'coding' AS layer, k."codeId", k."coderId", u.name AS "coderName", k.start, k."end", k.quote, k.memo
    FROM unnest(${probes.map((p) => p.i)}::int[], ${probes.map((p) => p.documentId)}::text[], ${probes.map((p) => p.codeId)}::text[],
                ${probes.map((p) => p.s)}::int[], ${probes.map((p) => p.e)}::int[]) AS h(i, document_id, code_id, s, e)
    JOIN "Coding" k ON k."documentId" = h.document_id AND k."codeId" = h.code_id AND k.start < h.e AND h.s < k."end"
    JOIN "User" u ON u.id = k."coderId"
    ${coders ? Prisma.sql`WHERE k."coderId" = ANY(${coders}::text[])` : Prisma.empty}
    ORDER BY h.i, k.start, k."end", k.id`);
  return byHit(rows);
}

/** The consensus spans behind each passage under the consensus selection, found the same way. */
async function consensusBehind(hits: HitRow[]): Promise<Map<number, QuoteCoding[]>> {
  const probes = hits.flatMap((h, i) => h.code_ids.map((codeId) => ({ i, documentId: h.document_id, codeId, s: h.s, e: h.e })));
  const rows = await probe<QuoteCoding & { i: number }>(Prisma.sql`
    SELECT h.i::int AS i, k.id, 'consensus' AS layer, k."codeId", a."decidedById" AS "coderId", u.name || ' (consensus)' AS "coderName",
           k.start, k."end", k.quote, a.reason AS memo
    FROM unnest(${probes.map((p) => p.i)}::int[], ${probes.map((p) => p.documentId)}::text[], ${probes.map((p) => p.codeId)}::text[],
                ${probes.map((p) => p.s)}::int[], ${probes.map((p) => p.e)}::int[]) AS h(i, document_id, code_id, s, e)
    JOIN "ConsensusCoding" k ON k."documentId" = h.document_id AND k."codeId" = h.code_id AND k.start < h.e AND h.s < k."end"
    JOIN "AdjudicationDecision" a ON a.id = k."decisionId" AND a."undoneAt" IS NULL
    JOIN "User" u ON u.id = a."decidedById"
    ORDER BY h.i, k.start, k."end", k.id`);
  return byHit(rows);
}

/**
 * Runs a per-passage probe with bitmap scans off. Without that, PostgreSQL ANDs the bitmap of
 * the document's codings with that of every coding of the code (4,000 rows a probe in a large
 * study: 120 ms for 200 passages), because it misprices the (documentId, codeId, ...) index
 * scan that finds the one or two codings directly (4 ms).
 */
async function probe<T>(query: Prisma.Sql): Promise<T[]> {
  const prisma = db();
  const [, rows] = await prisma.$transaction([prisma.$executeRaw`SELECT set_config('enable_bitmapscan', 'off', true)`, prisma.$queryRaw<T[]>(query)]);
  return rows;
}

function byHit(rows: (QuoteCoding & { i: number })[]): Map<number, QuoteCoding[]> {
  const out = new Map<number, QuoteCoding[]>();
  for (const { i, ...coding } of rows) (out.get(i) ?? out.set(i, []).get(i)!).push(coding);
  return out;
}

/** shown(document_id, code_ids, s, e): the passages of hit that pass the narrowing. */
function shownCte(selection: CoderSelection, { contains, representativeOnly }: QuoteNarrowing): Prisma.Sql {
  const text = contains?.trim().toLowerCase();
  if (!text && !representativeOnly) return Prisma.sql`shown AS NOT MATERIALIZED (SELECT * FROM hit)`;
  // The stored spans behind a passage, as codingsBehind / consensusBehind find them.
  const overlapping = Prisma.sql`k."documentId" = h.document_id AND k."codeId" = ANY(h.code_ids) AND k.start < h.e AND h.s < k."end"`;
  const coders = selectedCoderIds(selection);
  const coding = Prisma.sql`"Coding" k WHERE ${overlapping} ${coders ? Prisma.sql`AND k."coderId" = ANY(${coders}::text[])` : Prisma.empty}`;
  const conditions: Prisma.Sql[] = [];
  if (text) {
    const memoMatches =
      selection.kind === "consensus"
        ? Prisma.sql`EXISTS (SELECT 1 FROM "ConsensusCoding" k JOIN "AdjudicationDecision" a ON a.id = k."decisionId" AND a."undoneAt" IS NULL
                             WHERE ${overlapping} AND strpos(lower(a.reason), ${text}) > 0)`
        : Prisma.sql`EXISTS (SELECT 1 FROM ${coding} AND strpos(lower(k.memo), ${text}) > 0)`;
    conditions.push(Prisma.sql`(strpos(lower(substring(d.text FROM h.s + 1 FOR h.e - h.s)), ${text}) > 0 OR ${memoMatches})`);
  }
  // Consensus spans cannot be starred, so none is representative.
  if (representativeOnly) {
    conditions.push(
      selection.kind === "consensus" ? Prisma.sql`false` : Prisma.sql`EXISTS (SELECT 1 FROM ${coding} AND EXISTS (SELECT 1 FROM "RepresentativeQuote" r WHERE r."codingId" = k.id))`,
    );
  }
  return Prisma.sql`
    shown AS (
      SELECT h.* FROM hit h JOIN "Document" d ON d.id = h.document_id
      WHERE ${Prisma.join(conditions, " AND ")}
    )`;
}

/**
 * starred(document_id, code_id, s, e): the starred codings of the selection's analysts, which
 * make a passage they reach into starred (lib/stars/passages.ts's isStarred, in SQL). Few
 * rows, so marking every passage of a large theme costs little; empty unless asked for, and
 * under consensus (its spans cannot be starred).
 */
function starredCte(projectId: string, selection: CoderSelection, { starredFirst }: QuoteNarrowing): Prisma.Sql {
  if (!starredFirst || selection.kind === "consensus") {
    return Prisma.sql`starred AS (SELECT NULL::text AS document_id, NULL::text AS code_id, 0 AS s, 0 AS e WHERE false)`;
  }
  const coders = selectedCoderIds(selection);
  return Prisma.sql`
    starred AS MATERIALIZED (
      SELECT k."documentId" AS document_id, k."codeId" AS code_id, k.start AS s, k."end" AS e
      FROM "Coding" k
      -- Looked up by id in Coding's key: a join would be hashed (analysisQuery turns nested loops off) over every coding.
      WHERE k.id = ANY (ARRAY(SELECT r."codingId" FROM "RepresentativeQuote" r WHERE r."projectId" = ${projectId}))
        ${coders ? Prisma.sql`AND k."coderId" = ANY(${coders}::text[])` : Prisma.empty}
    )`;
}

/** hit(document_id, code_ids, s, e): the passages behind the cell. */
async function hitCte(projectId: string, cell: QuoteCell): Promise<Prisma.Sql> {
  switch (cell.kind) {
    case "code": {
      const cases = cell.filter?.length ? await casesMatching(projectId, cell.filter) : null;
      return Prisma.sql`
        hit AS (
          SELECT p.document_id, ARRAY[p.code_id] AS code_ids, p.s, p.e
          FROM passage p JOIN code_tree t ON t.descendant = p.code_id AND t.ancestor = ${cell.codeId}
          JOIN "Document" d ON d.id = p.document_id
          ${cases ? Prisma.sql`WHERE d."caseId" = ANY(${cases}::text[])` : Prisma.empty}
        )`;
    }
    case "category": {
      const attribute = await db().attributeDefinition.findFirst({ where: { id: cell.attributeId, projectId }, select: { id: true } });
      if (!attribute) throw notFound("That case attribute");
      return Prisma.sql`
        ${caseCategoryCte(projectId, cell.attributeId)},
        hit AS (
          SELECT p.document_id, ARRAY[p.code_id] AS code_ids, p.s, p.e
          FROM passage p JOIN code_tree t ON t.descendant = p.code_id AND t.ancestor = ${cell.codeId}
          JOIN "Document" d ON d.id = p.document_id JOIN case_category k ON k.case_id = d."caseId"
          WHERE k.category IS NOT DISTINCT FROM ${cell.category}::text
        )`;
    }
    case "pair": {
      const [x, y] = cell.codeIds;
      if (cell.scope === "passages") {
        return Prisma.sql`
          hit AS (
            SELECT a.document_id, ARRAY[a.code_id, b.code_id] AS code_ids, greatest(a.s, b.s) AS s, least(a.e, b.e) AS e
            FROM passage a JOIN passage b ON b.document_id = a.document_id AND a.s < b.e AND b.s < a.e
            WHERE a.code_id = ${x} AND b.code_id = ${y}
          )`;
      }
      return Prisma.sql`
        hit AS (
          SELECT p.document_id, ARRAY[p.code_id] AS code_ids, p.s, p.e
          FROM passage p
          WHERE p.code_id IN (${x}, ${y})
            AND p.document_id IN (SELECT document_id FROM passage WHERE code_id = ${x}
                                  INTERSECT SELECT document_id FROM passage WHERE code_id = ${y})
        )`;
    }
  }
}
