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
 *   doc_index, case_index, code_index, no_bits, doc_bits  documents, cases and codes numbered, for bit strings
 *
 * The passages are read from the passage tables that triggers keep (CoderPassageSet,
 * PassageSet, PassagePair; see passageCtes). lib/analysis/passages.ts is the same definition
 * in TypeScript. Needs PostgreSQL 14 or later (multiranges, bit_count).
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
 *   island_set(document_id, code_id, islands, passages)  the passages of each document and code, as a multirange, and how many
 *   island(document_id, code_id, x)                       one row per passage (x: its range, see below)
 *   passage(document_id, code_id, s, e)                   every passage, for queries that need spans
 *   presence(document_id, code_id)                        where a code has at least one passage
 * PostgreSQL computes only the ones a query reads.
 *
 * How spans become passages. A span [s, e) is written as the range [2s, 2e - 1): spans that
 * share a character still overlap ([0,10) and [5,15) -> [0,19) and [10,29)), while spans
 * that only touch no longer meet ([0,5) and [5,9) -> [0,9) and [10,17)): the doubled ends
 * are odd and the doubled starts even, so no two ranges are ever adjacent. range_agg then
 * merges ranges into islands exactly as coder-selection.ts says, and each island [a, b) is
 * the passage [a / 2, (b + 1) / 2). "agreed" is the intersection (*) of the two analysts'
 * merged ranges: every non-empty intersection of an island of one with an island of the
 * other is one range of the result, because islands of one analyst are disjoint and, again,
 * no two results can touch.
 *
 * Where the islands come from. Merging every coding of the project on each view is what
 * made a large study slow (200,000 codings: most of a second), so the merged islands are kept
 * in tables that triggers on "Coding" recompute for each (document, code) a write touches
 * (prisma/migrations/*_passage_tables): PassageSet for "any" and CoderPassageSet per analyst,
 * of which "coder" is a filter and "agreed" the intersection of two rows. The consensus
 * layer is small (one decision at a time, by hand) and is merged here from its spans.
 * tests/db/analysis/passage-tables.test.ts holds the tables against a plain merge of the
 * codings after every kind of write.
 *
 * `onlyUnder`: restrict to these codes and their subtrees (a cheaper query for one theme).
 */
export function passageCtes(projectId: string, selection: CoderSelection, onlyUnder?: readonly string[]): Sql {
  // A whole project's rows: its rows, kept when their code is live (a hashed semi-join; an
  // "= ANY (ARRAY(...))" filter would compare each row with every code). One theme's: looked
  // up per document and code in the (documentId, codeId) key.
  const inProject = (alias: string) => {
    const row = Prisma.raw(alias);
    return onlyUnder
      ? Prisma.sql`${row}."documentId" = ANY (ARRAY(SELECT id FROM "Document" WHERE "projectId" = ${projectId}))
          AND ${row}."codeId" = ANY (ARRAY(SELECT descendant FROM code_tree WHERE ancestor = ANY(${[...onlyUnder]}::text[]) AND descendant IN (SELECT id FROM live_code)))`
      : Prisma.sql`${row}."projectId" = ${projectId} AND ${row}."codeId" IN (SELECT id FROM live_code)`;
  };
  const countPassages = Prisma.sql`CROSS JOIN LATERAL (SELECT count(*)::int AS passages FROM unnest(x.islands)) n`;
  let islandSet: Sql;
  switch (selection.kind) {
    case "any":
      islandSet = Prisma.sql`
        SELECT s."documentId" AS document_id, s."codeId" AS code_id, s.islands, s.passages FROM "PassageSet" s WHERE ${inProject("s")}`;
      break;
    case "coder":
      islandSet = Prisma.sql`
        SELECT s."documentId" AS document_id, s."codeId" AS code_id, s.islands, s.passages
        FROM "CoderPassageSet" s WHERE ${inProject("s")} AND s."coderId" = ${selection.coderId}`;
      break;
    case "agreed":
      // Under "agreed" a document has a passage only where the two analysts' passages meet.
      islandSet = Prisma.sql`
        SELECT x.document_id, x.code_id, x.islands, n.passages FROM (
          SELECT a."documentId" AS document_id, a."codeId" AS code_id, a.islands * b.islands AS islands
          FROM "CoderPassageSet" a
          JOIN "CoderPassageSet" b ON b."documentId" = a."documentId" AND b."codeId" = a."codeId" AND b."coderId" = ${selection.coderIds[1]}
          WHERE ${inProject("a")} AND a."coderId" = ${selection.coderIds[0]} AND a.islands && b.islands
        ) x ${countPassages}`;
      break;
    case "consensus":
      // Spans of decisions not undone (undoing deletes them too; the filter covers the moment
      // in between), read through ConsensusCoding's (documentId, start) index.
      islandSet = Prisma.sql`
        SELECT x.document_id, x.code_id, x.islands, n.passages FROM (
          SELECT k."documentId" AS document_id, k."codeId" AS code_id, range_agg(int8range(2 * k."start"::int8, 2 * k."end"::int8 - 1)) AS islands
          FROM "ConsensusCoding" k JOIN "AdjudicationDecision" a ON a.id = k."decisionId" AND a."undoneAt" IS NULL
          WHERE ${inProject("k")}
          GROUP BY 1, 2
        ) x ${countPassages}`;
      break;
  }
  // A table's rows are read where they are used (a query that needs only the counts then
  // never reads the multiranges); a computed set is computed once.
  const computed = selection.kind === "agreed" || selection.kind === "consensus";
  return Prisma.sql`
    island_set AS ${computed ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`} (${islandSet}),
    island AS NOT MATERIALIZED (SELECT document_id, code_id, unnest(islands) AS x FROM island_set),
    passage AS (SELECT document_id, code_id, (lower(x) / 2)::int AS s, ((upper(x) + 1) / 2)::int AS e FROM island),
    presence AS (SELECT document_id, code_id FROM island_set)`;
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
 *   doc_bits(document_id, docs, cases) each document's own bit, and its case's (none without a case)
 * no_bits and doc_bits are materialized: inlined, their strings would be built again for
 * every row that uses them. A theme's documents are then bit_or(doc_bits.docs) over its
 * rows, one OR per row rather than a new string per row (set_bit) and an OR. The numbering orders ids byte-wise (COLLATE "C"): any fixed order will do, and the
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
    ),
    doc_bits AS MATERIALIZED (
      SELECT di.document_id, set_bit(z.docs, di.i, 1) AS docs, CASE WHEN di.case_i IS NULL THEN z.cases ELSE set_bit(z.cases, di.case_i, 1) END AS cases
      FROM doc_index di CROSS JOIN no_bits z
    )`;
}

// Near a typical passage's length: a passage then sits in one or two buckets, and a bucket holds few.
const BUCKET = 512;

/**
 * The co-occurrence of every pair of codes (as coded, not rolled up), from island_set:
 *   code_docs(code, docs)                    the documents with a passage of each code, as a bit string
 *   doc_pair(code_a, code_b, interviews)     documents with both: the set bits of an AND
 *   passage_pair(code_a, code_b, passages)   pairs of their passages that share a character
 * Codes are numbered (code_index) once their rows are aggregated, so that the pairings
 * below join integers rather than text ids, and code_a < code_b compares numbers.
 *
 * Documents with both codes as an AND of bit strings, for every pair of codes: cheaper than
 * pairing the codes of every document (50 codes in 2,000 documents would be 2.5 million rows).
 *
 * Overlapping passages: comparing every passage of a document with every other is quadratic
 * (250 codings a document: 31,000 comparisons each), so passages are put in the
 * 512-character buckets they touch and only passages sharing a bucket are compared; a pair
 * is counted in the bucket where its overlap starts, hence once. A passage's first bucket
 * needs no function call; only passages reaching into later buckets go through
 * generate_series. Under "any" the pairs are kept per document in PassagePair by the same
 * triggers as PassageSet, and only summed here. Needs island_set and indexCtes.
 *
 * `among`: only pairs of these codes (the bounded matrix of a page); every pair otherwise.
 */
export function coOccurrenceCtes(projectId: string, selection: CoderSelection, among?: readonly string[]): Sql {
  const only = (column: Sql) => (among ? Prisma.sql`AND ${column} = ANY(${[...among]}::text[])` : Prisma.empty);
  const passagePair =
    selection.kind === "any"
      ? Prisma.sql`
    pair_sum AS (
      SELECT p."codeA" AS code_a, p."codeB" AS code_b, sum(p.passages)::int AS passages
      FROM "PassagePair" p WHERE p."projectId" = ${projectId} ${only(Prisma.sql`p."codeA"`)} ${only(Prisma.sql`p."codeB"`)}
      GROUP BY 1, 2
    ),
    passage_pair AS (
      SELECT a.j AS code_a, b.j AS code_b, p.passages
      FROM pair_sum p JOIN code_index a ON a.code_id = p.code_a JOIN code_index b ON b.code_id = p.code_b
    )`
      : Prisma.sql`
    numbered AS (
      SELECT di.i AS doc, ci.j AS code, p.islands
      FROM island_set p JOIN doc_index di ON di.document_id = p.document_id JOIN code_index ci ON ci.code_id = p.code_id
      WHERE true ${only(Prisma.sql`p.code_id`)}
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
  return Prisma.sql`
    code_docs AS (
      SELECT ci.j AS code, d.docs
      FROM (SELECT p.code_id, bit_or(b.docs) AS docs FROM island_set p JOIN doc_bits b ON b.document_id = p.document_id WHERE true ${only(Prisma.sql`p.code_id`)} GROUP BY 1) d
      JOIN code_index ci ON ci.code_id = d.code_id
    ),
    doc_pair AS (
      SELECT a.code AS code_a, b.code AS code_b, bit_count(a.docs & b.docs)::int AS interviews
      FROM code_docs a JOIN code_docs b ON a.code < b.code
    ),
    ${passagePair}`;
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
