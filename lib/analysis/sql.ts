import { Prisma } from "../db/generated/client";
import type { CoderSelection } from "./coder-selection";

/**
 * The common table expressions every analysis query starts from, as parameterized
 * fragments for $queryRaw (Prisma.sql is the same tagged template: values become bind
 * parameters, never SQL text). Put them after WITH RECURSIVE, comma-separated.
 *
 *   live_code(id, parent_id, position, name)  live codes; parent_id null when the parent is deleted
 *   code_tree(ancestor, descendant)           every live code with itself and each live code below it
 *   passage(document_id, code_id, grp, s, e)  the passages of the selection (see coder-selection.ts);
 *                                             grp is the analyst in "per coder" mode, '' otherwise
 *   passage_count(document_id, code_id, grp, n)
 *
 * lib/analysis/passages.ts is the same definition in TypeScript.
 */

type Sql = Prisma.Sql;

export function liveCodeCtes(projectId: string): Sql {
  return Prisma.sql`
    live_code AS (
      SELECT c.id, CASE WHEN p.id IS NULL THEN NULL ELSE c."parentId" END AS parent_id, c.position, c.name
      FROM "Code" c
      LEFT JOIN "Code" p ON p.id = c."parentId" AND p."deletedAt" IS NULL AND p.id <> c.id
      WHERE c."projectId" = ${projectId} AND c."deletedAt" IS NULL
    ),
    code_tree AS (
      SELECT id AS ancestor, id AS descendant FROM live_code
      UNION
      SELECT t.ancestor, c.id FROM code_tree t JOIN live_code c ON c.parent_id = t.descendant
    )`;
}

export type PassageMode = { selection: CoderSelection } | { perCoder: true };

/**
 * Defines, after live_code and code_tree:
 *   passage(document_id, code_id, grp, s, e)   every passage, for queries that need spans
 *   passage_count(document_id, code_id, grp, n) how many per document and code, for counts
 * Only the ones a query reads are computed (PostgreSQL skips unreferenced CTEs).
 *
 * Spans are merged into islands with the gaps-and-islands pattern: ordered by start, a span
 * opens a new island unless it starts before the furthest end seen so far in its group, so
 * the number of passages is the number of such openings (no second pass needed for counts).
 * (documentId, codeId, coderId, start, end) is unique, so the order is total and both window
 * passes see the same one. It is also the order of that unique index: the windows are
 * written over the bare columns, partitioned and ordered as the index is (the "any"
 * selection adds only a small sort within each document and code), and the codings are
 * picked by a list of the project's documents, so PostgreSQL (17 and later) reads them from
 * the index in order instead of sorting every coding of the project. Older servers sort:
 * slower, same result.
 *
 * "agreed" intersects A's islands with B's in one more ordered pass instead of a join: in
 * start order, an island overlaps the other analyst's islands that started before it only
 * if the latest of those (islands of one analyst are disjoint, so it has the largest end)
 * reaches past its start; the intersection is then [its start, the smaller end). At equal
 * starts A's island comes first, so each overlapping pair is found once, from B's side.
 * Every other overlapping pair is found from the side of the island that starts later.
 *
 * `onlyUnder`: restrict to these codes and their subtrees (a cheaper query for one theme).
 */
export function passageCtes(projectId: string, mode: PassageMode, onlyUnder?: readonly string[]): Sql {
  const selection = "selection" in mode ? mode.selection : null;
  const any = selection?.kind === "any";
  const coderFilter =
    selection?.kind === "coder"
      ? Prisma.sql`AND k."coderId" = ${selection.coderId}`
      : selection?.kind === "agreed"
        ? Prisma.sql`AND k."coderId" IN (${selection.coderIds[0]}, ${selection.coderIds[1]})`
        : Prisma.empty;
  const codeFilter = onlyUnder
    ? Prisma.sql`AND k."codeId" = ANY (ARRAY(SELECT descendant FROM code_tree WHERE ancestor = ANY(${[...onlyUnder]}::text[])))`
    : Prisma.empty;
  // One analyst's spans are merged with each other only; under "any", everyone's are merged.
  const order = any
    ? Prisma.sql`PARTITION BY document_id, code_id ORDER BY s, e, coder_id`
    : Prisma.sql`PARTITION BY document_id, code_id, coder_id ORDER BY s, e`;
  const islands = Prisma.sql`
    span AS (
      SELECT k."documentId" AS document_id, k."codeId" AS code_id, k."coderId" AS coder_id,
             ${selection === null || selection.kind === "agreed" ? Prisma.sql`k."coderId"` : Prisma.sql`''::text`} AS grp,
             k."start" AS s, k."end" AS e
      FROM "Coding" k
      WHERE k."documentId" = ANY (ARRAY(SELECT id FROM "Document" WHERE "projectId" = ${projectId}))
        AND k."codeId" = ANY (ARRAY(SELECT id FROM live_code)) ${coderFilter} ${codeFilter}
    ),
    span_step AS NOT MATERIALIZED (
      SELECT *, CASE WHEN s < max(e) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS fresh
      FROM span
    ),
    span_island AS (
      SELECT *, sum(fresh) OVER (${order} ROWS UNBOUNDED PRECEDING) AS island FROM span_step
    ),
    island AS (
      SELECT document_id, code_id, grp, min(s) AS s, max(e) AS e FROM span_island GROUP BY document_id, code_id, grp, island
    )`;
  if (selection?.kind !== "agreed") {
    return Prisma.sql`${islands},
      passage AS (SELECT document_id, code_id, grp, s, e FROM island),
      passage_count AS (SELECT document_id, code_id, grp, sum(fresh)::int AS n FROM span_step GROUP BY 1, 2, 3)`;
  }
  const [a, b] = selection.coderIds;
  return Prisma.sql`${islands},
    island_sweep AS (
      SELECT document_id, code_id, s, e,
             CASE WHEN grp = ${a} THEN max(e) FILTER (WHERE grp = ${b}) OVER w ELSE max(e) FILTER (WHERE grp = ${a}) OVER w END AS other_e
      FROM island
      WINDOW w AS (PARTITION BY document_id, code_id ORDER BY s, CASE WHEN grp = ${a} THEN 0 ELSE 1 END ROWS UNBOUNDED PRECEDING)
    ),
    passage AS (
      SELECT document_id, code_id, ''::text AS grp, s, least(e, other_e) AS e FROM island_sweep WHERE other_e > s
    ),
    passage_count AS (SELECT document_id, code_id, grp, count(*)::int AS n FROM passage GROUP BY 1, 2, 3)`;
}

// Wide enough that most passages sit in one or two buckets, narrow enough that a bucket holds few.
const BUCKET = 1024;

/**
 * passage_pair(code_a, code_b, passages): for each pair of codes, how many pairs of their
 * passages overlap (share a character) in the same document. Comparing every passage of a
 * document with every other is quadratic (250 codings a document: 31,000 comparisons each),
 * so passages are put in the 1,024-character buckets they touch and only passages sharing a
 * bucket are compared; a pair is counted in the bucket where its overlap starts, hence once.
 * Needs passage.
 */
export function overlapPairsCte(): Sql {
  return Prisma.sql`
    passage_bucket AS (
      SELECT p.document_id, p.code_id, p.s, p.e, bucket
      FROM passage p CROSS JOIN LATERAL generate_series(p.s / ${BUCKET}::int, (p.e - 1) / ${BUCKET}::int) AS bucket
    ),
    passage_pair AS (
      SELECT a.code_id AS code_a, b.code_id AS code_b, count(*)::int AS passages
      FROM passage_bucket a
      JOIN passage_bucket b ON b.document_id = a.document_id AND b.bucket = a.bucket AND a.code_id < b.code_id
      WHERE a.s < b.e AND b.s < a.e AND greatest(a.s, b.s) / ${BUCKET}::int = a.bucket
      GROUP BY 1, 2
    )`;
}

/**
 * code_docs(code_id, docs): the documents with a passage of each code, as a bit string with
 * one bit per document of the project. Interviews where two codes co-occur are then the
 * set bits of an AND, for every pair of codes: cheaper than pairing the codes of every
 * document (50 codes in 2,000 documents would be 2.5 million rows). Counting the 1s of the
 * bit string's text keeps this to SQL that any supported PostgreSQL runs. Needs passage.
 */
export function documentSetsCte(projectId: string): Sql {
  return Prisma.sql`
    doc_index AS (
      SELECT id AS document_id, (row_number() OVER (ORDER BY id) - 1)::int AS i FROM "Document" WHERE "projectId" = ${projectId}
    ),
    no_docs AS (SELECT repeat('0', greatest(count(*), 1)::int)::varbit AS bits FROM doc_index),
    code_docs AS (
      SELECT p.code_id, bit_or(set_bit(n.bits, di.i, 1)) AS docs
      FROM (SELECT DISTINCT document_id, code_id FROM passage) p
      JOIN doc_index di ON di.document_id = p.document_id CROSS JOIN no_docs n
      GROUP BY p.code_id
    )`;
}

/** case_category(case_id, category): every case of the project with its category, null when it has none. */
export function caseCategoryCte(projectId: string, attributeId: string) {
  return Prisma.sql`
    case_category AS (
      SELECT c.id AS case_id,
             coalesce(v."textValue", CASE v."booleanValue" WHEN true THEN 'yes' WHEN false THEN 'no' END) AS category
      FROM "Case" c LEFT JOIN "AttributeValue" v ON v."caseId" = c.id AND v."attributeId" = ${attributeId}
      WHERE c."projectId" = ${projectId}
    )`;
}
