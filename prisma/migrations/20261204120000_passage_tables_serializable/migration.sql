-- Codings may also be written under SERIALIZABLE (a server whose default isolation is
-- SERIALIZABLE no longer refuses every coding). Only REPEATABLE READ is unsafe: there two
-- writers in one document each recompute from a snapshot without the other's codings, and
-- when one of them writes no pair row (no overlap seen) nothing conflicts, so a stale count
-- could commit. Under SERIALIZABLE, PostgreSQL's serializable snapshot isolation sees that
-- each read what the other wrote and cancels one of them with a serialization failure, so
-- what commits is what some serial order of the two would give: the tables stay exact.

CREATE OR REPLACE FUNCTION grounded_refresh_passages(doc_ids text[], code_ids text[]) RETURNS void
LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  IF current_setting('transaction_isolation') = 'repeatable read' THEN
    RAISE EXCEPTION 'Codings cannot be written at REPEATABLE READ isolation (the passage tables are recomputed from the latest committed codings); use READ COMMITTED or SERIALIZABLE'
      USING ERRCODE = 'feature_not_supported';
  END IF;
  PERFORM 1 FROM "Document" WHERE id = ANY (doc_ids) ORDER BY id FOR NO KEY UPDATE;

  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  DELETE FROM "CoderPassageSet" s USING touched t WHERE s."documentId" = t.d AND s."codeId" = t.c;
  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  INSERT INTO "CoderPassageSet" ("documentId", "codeId", "coderId", "projectId", islands, passages)
  SELECT x."documentId", x."codeId", x."coderId", x."projectId", x.islands, n.passages
  FROM (
    SELECT k."documentId", k."codeId", k."coderId", k."projectId", range_agg(int8range(2 * k."start"::int8, 2 * k."end"::int8 - 1)) AS islands
    FROM "Coding" k JOIN touched t ON k."documentId" = t.d AND k."codeId" = t.c
    GROUP BY 1, 2, 3, 4
  ) x
  CROSS JOIN LATERAL (SELECT count(*)::integer AS passages FROM unnest(x.islands)) n;

  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  DELETE FROM "PassageSet" s USING touched t WHERE s."documentId" = t.d AND s."codeId" = t.c;
  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  INSERT INTO "PassageSet" ("documentId", "codeId", "projectId", islands, passages)
  SELECT x."documentId", x."codeId", x."projectId", x.islands, n.passages
  FROM (
    SELECT s."documentId", s."codeId", s."projectId", range_agg(s.islands) AS islands
    FROM "CoderPassageSet" s JOIN touched t ON s."documentId" = t.d AND s."codeId" = t.c
    GROUP BY 1, 2, 3
  ) x
  CROSS JOIN LATERAL (SELECT count(*)::integer AS passages FROM unnest(x.islands)) n;

  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  DELETE FROM "PassagePair" p USING touched t WHERE p."documentId" = t.d AND p."codeA" = t.c;
  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  DELETE FROM "PassagePair" p USING touched t WHERE p."documentId" = t.d AND p."codeB" = t.c;
  -- Each touched code against every other code of its document whose passages meet its own
  -- (once per pair when both were touched), and how many pairs of their passages share a
  -- character: the pieces of the intersection of the two codes' passages. Each such pair
  -- meets in one piece, and pieces of different pairs are apart (the passages of one code
  -- never overlap or touch), so the count needs no pairing of passages.
  WITH touched AS (SELECT DISTINCT d, c FROM unnest(doc_ids, code_ids) AS k(d, c))
  INSERT INTO "PassagePair" ("documentId", "codeA", "codeB", "projectId", passages)
  SELECT k.d,
         CASE WHEN k.c COLLATE "C" < o."codeId" COLLATE "C" THEN k.c ELSE o."codeId" END,
         CASE WHEN k.c COLLATE "C" < o."codeId" COLLATE "C" THEN o."codeId" ELSE k.c END,
         t."projectId", n.pieces
  FROM touched k
  JOIN "PassageSet" t ON t."documentId" = k.d AND t."codeId" = k.c
  JOIN "PassageSet" o ON o."documentId" = k.d AND o."codeId" <> k.c AND o.islands && t.islands
  CROSS JOIN LATERAL (SELECT count(*)::integer AS pieces FROM unnest(t.islands * o.islands)) n
  WHERE o."codeId" COLLATE "C" > k.c COLLATE "C"
     OR NOT EXISTS (SELECT 1 FROM touched k2 WHERE k2.d = k.d AND k2.c = o."codeId");
END $$;
