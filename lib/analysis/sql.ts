import { Prisma } from "../db/generated/client";
import type { CoderSelection } from "./coder-selection";

/**
 * The common table expressions every analysis query starts from, as parameterized
 * fragments for $queryRaw (Prisma.sql is the same tagged template: values become bind
 * parameters, never SQL text). Put them after WITH RECURSIVE, comma-separated.
 *
 *   live_code(id, parent_id, position, name)  live codes; parent_id null when the parent is deleted
 *   code_tree(ancestor, descendant)           every live code with itself and each live code below it
 *   presence(document_id, code_id)            (document, code) pairs with at least one passage
 *   island_set, island                        the same passages as multiranges and ranges, for counting
 *   passage(document_id, code_id, s, e)       the passages of the selection (see coder-selection.ts)
 *   doc_index, case_index, code_index, no_bits  documents, cases and codes numbered, for bit strings
 *
 * lib/analysis/passages.ts is the same definition in TypeScript. Needs PostgreSQL 14 or later
 * (multiranges, bit_count).
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

/**
 * Defines, after live_code and code_tree, the passages of a selection:
 *   presence(document_id, code_id)            where a code has at least one passage
 *   island_set(document_id, code_id, islands) the passages of each document and code, as a multirange
 *   island(document_id, code_id, x)           one row per passage (x: its range, see below), for counts
 *   passage(document_id, code_id, s, e)       every passage, for queries that need spans
 * PostgreSQL computes only the ones a query reads.
 *
 * How spans become passages. A span [s, e) is written as the range [2s, 2e - 1): spans that
 * share a character still overlap ([0,10) and [5,15) -> [0,19) and [10,29)), while spans
 * that only touch no longer meet ([0,5) and [5,9) -> [0,9) and [10,17)): the doubled ends
 * are odd and the doubled starts even, so no two ranges are ever adjacent. range_agg then
 * merges each document's and code's ranges into islands exactly as coder-selection.ts says,
 * and each island [a, b) is the passage [a / 2, (b + 1) / 2). "agreed" is the intersection
 * (*) of the two analysts' merged ranges: every non-empty intersection of an island of one
 * with an island of the other is one range of the result, because islands of one analyst are
 * disjoint and, again, no two results can touch.
 *
 * Why this shape. range_agg is an ordinary aggregate that does not care about row order, so
 * it runs as one pass over the codings in the order of their unique index
 * (documentId, codeId, coderId, start, end), grouping as it goes: no sort, no hashing of
 * text keys, and no window functions (gaps-and-islands windows need the spans of a document
 * and code in start order across analysts, which that index does not give: sorting every
 * coding of the project cost more than all the rest of a query). Where only presence is
 * needed (interviews, cases, the crosstab, findings), nothing is merged at all: under "any",
 * "coder" and "consensus" a document has a passage of a code exactly when it has a span of
 * it. (Each analyst's own figures, where the index order is the merge order, do use the
 * windows: data.ts coderFigures.)
 *
 * `onlyUnder`: restrict to these codes and their subtrees (a cheaper query for one theme).
 */
export function passageCtes(projectId: string, selection: CoderSelection, onlyUnder?: readonly string[]): Sql {
  const codeFilter = onlyUnder
    ? Prisma.sql`AND k."codeId" = ANY (ARRAY(SELECT descendant FROM code_tree WHERE ancestor = ANY(${[...onlyUnder]}::text[])))`
    : Prisma.empty;
  const ranged = Prisma.sql`int8range(2 * k."start"::int8, 2 * k."end"::int8 - 1)`;
  const inProject = Prisma.sql`k."documentId" = ANY (ARRAY(SELECT id FROM "Document" WHERE "projectId" = ${projectId}))
        AND k."codeId" = ANY (ARRAY(SELECT id FROM live_code)) ${codeFilter}`;
  let span: Sql;
  if (selection?.kind === "consensus") {
    // The consensus layer: spans of decisions not undone (undoing deletes them too; the
    // filter covers the moment in between), read through ConsensusCoding's (documentId, start) index.
    span = Prisma.sql`
      SELECT k."documentId" AS document_id, k."codeId" AS code_id, ''::text AS coder_id, ${ranged} AS r
      FROM "ConsensusCoding" k JOIN "AdjudicationDecision" a ON a.id = k."decisionId" AND a."undoneAt" IS NULL
      WHERE ${inProject}`;
  } else {
    const coderFilter =
      selection.kind === "coder"
        ? Prisma.sql`AND k."coderId" = ${selection.coderId}`
        : selection.kind === "agreed"
          ? Prisma.sql`AND k."coderId" IN (${selection.coderIds[0]}, ${selection.coderIds[1]})`
          : Prisma.empty;
    span = Prisma.sql`
      SELECT k."documentId" AS document_id, k."codeId" AS code_id, k."coderId" AS coder_id, ${ranged} AS r
      FROM "Coding" k
      WHERE ${inProject} ${coderFilter}`;
  }
  const islands =
    selection.kind === "agreed"
      ? Prisma.sql`
        SELECT document_id, code_id, islands FROM (
          SELECT document_id, code_id,
                 range_agg(r) FILTER (WHERE coder_id = ${selection.coderIds[0]}) * range_agg(r) FILTER (WHERE coder_id = ${selection.coderIds[1]}) AS islands
          FROM span GROUP BY document_id, code_id
        ) x
        WHERE NOT isempty(islands)`
      : Prisma.sql`SELECT document_id, code_id, range_agg(r) AS islands FROM span GROUP BY document_id, code_id`;
  // Under "agreed" a document has a passage only where the two analysts' spans meet.
  const presence =
    selection.kind === "agreed"
      ? Prisma.sql`SELECT document_id, code_id FROM island_set`
      : Prisma.sql`SELECT document_id, code_id FROM span GROUP BY document_id, code_id`;
  return Prisma.sql`
    span AS NOT MATERIALIZED (${span}),
    island_set AS (${islands}),
    island AS NOT MATERIALIZED (SELECT document_id, code_id, unnest(islands) AS x FROM island_set),
    passage AS (SELECT document_id, code_id, (lower(x) / 2)::int AS s, ((upper(x) + 1) / 2)::int AS e FROM island),
    presence AS (${presence})`;
}

/**
 * Documents and cases numbered 0..n-1, so a set of them can be a bit string (no_bits holds the
 * empty ones): a code's interviews, rolled up to a theme, are then the OR of its sub-codes'
 * bit strings, counted with bit_count, instead of grouping every (theme, document) pair.
 * Live codes are numbered too, for joins on integers. Needs live_code.
 *   doc_index(document_id, i, case_i)  case_i null for a document without a case
 *   case_index(case_id, i)
 *   code_index(code_id, j)
 *   no_bits(docs, cases)
 * no_bits is materialized: inlined, its strings would be built again for every row that uses
 * them. The numbering orders ids byte-wise (COLLATE "C"): any fixed order will do, and the
 * database's collation would call the C library's strcoll for every comparison.
 */
export function indexCtes(projectId: string): Sql {
  return Prisma.sql`
    case_index AS (
      SELECT id AS case_id, (row_number() OVER (ORDER BY id COLLATE "C") - 1)::int AS i FROM "Case" WHERE "projectId" = ${projectId}
    ),
    doc_index AS (
      SELECT d.id AS document_id, (row_number() OVER (ORDER BY d.id COLLATE "C") - 1)::int AS i, ci.i AS case_i
      FROM "Document" d LEFT JOIN case_index ci ON ci.case_id = d."caseId"
      WHERE d."projectId" = ${projectId}
    ),
    code_index AS (
      SELECT id AS code_id, (row_number() OVER (ORDER BY id COLLATE "C") - 1)::int AS j FROM live_code
    ),
    no_bits AS MATERIALIZED (
      SELECT repeat('0', greatest((SELECT count(*) FROM doc_index), 1)::int)::varbit AS docs,
             repeat('0', greatest((SELECT count(*) FROM case_index), 1)::int)::varbit AS cases
    )`;
}

// Near a typical passage's length: a passage then sits in one or two buckets, and a bucket holds few.
const BUCKET = 512;

/**
 * The co-occurrence of every pair of codes (as coded, not rolled up), from island_set:
 *   code_docs(code, docs)                    the documents with a passage of each code, as a bit string
 *   doc_pair(code_a, code_b, interviews)     documents with both: the set bits of an AND
 *   passage_pair(code_a, code_b, passages)   pairs of their passages that share a character
 * Codes and documents are numbered first (code_index, doc_index): every join and grouping
 * below is then on integers rather than text ids, and code_a < code_b compares numbers.
 *
 * Documents with both codes as an AND of bit strings, for every pair of codes: cheaper than
 * pairing the codes of every document (50 codes in 2,000 documents would be 2.5 million rows).
 *
 * Overlapping passages: comparing every passage of a document with every other is quadratic
 * (250 codings a document: 31,000 comparisons each), so passages are put in the
 * 512-character buckets they touch and only passages sharing a bucket are compared; a pair
 * is counted in the bucket where its overlap starts, hence once. A passage's first bucket
 * needs no function call; only passages reaching into later buckets go through
 * generate_series. Needs island_set and indexCtes.
 */
export function coOccurrenceCtes(): Sql {
  return Prisma.sql`
    numbered AS (
      SELECT di.i AS doc, ci.j AS code, p.islands
      FROM island_set p JOIN doc_index di ON di.document_id = p.document_id JOIN code_index ci ON ci.code_id = p.code_id
    ),
    code_docs AS (SELECT code, bit_or(set_bit(z.docs, doc, 1)) AS docs FROM numbered CROSS JOIN no_bits z GROUP BY code),
    doc_pair AS (
      SELECT a.code AS code_a, b.code AS code_b, bit_count(a.docs & b.docs)::int AS interviews
      FROM code_docs a JOIN code_docs b ON a.code < b.code
    ),
    numbered_passage AS (
      SELECT doc, code, (lower(x) / 2)::int AS s, ((upper(x) + 1) / 2)::int AS e FROM (SELECT doc, code, unnest(islands) AS x FROM numbered) y
    ),
    passage_bucket AS (
      SELECT p.doc, p.code, p.s, p.e, p.s / ${BUCKET}::int AS bucket FROM numbered_passage p
      UNION ALL
      SELECT p.doc, p.code, p.s, p.e, bucket
      FROM numbered_passage p CROSS JOIN LATERAL generate_series(p.s / ${BUCKET}::int + 1, (p.e - 1) / ${BUCKET}::int) AS bucket
      WHERE (p.e - 1) / ${BUCKET}::int > p.s / ${BUCKET}::int
    ),
    passage_pair AS (
      SELECT a.code AS code_a, b.code AS code_b, count(*)::int AS passages
      FROM passage_bucket a
      JOIN passage_bucket b ON b.doc = a.doc AND b.bucket = a.bucket AND a.code < b.code
      WHERE a.s < b.e AND b.s < a.e AND greatest(a.s, b.s) / ${BUCKET}::int = a.bucket
      GROUP BY 1, 2
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
