-- CreateTable
CREATE TABLE "CoderPassageSet" (
    "documentId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "coderId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "islands" int8multirange NOT NULL,
    "passages" INTEGER NOT NULL,

    CONSTRAINT "CoderPassageSet_pkey" PRIMARY KEY ("documentId","codeId","coderId")
);

-- CreateTable
CREATE TABLE "PassageSet" (
    "documentId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "islands" int8multirange NOT NULL,
    "passages" INTEGER NOT NULL,

    CONSTRAINT "PassageSet_pkey" PRIMARY KEY ("documentId","codeId")
);

-- CreateTable
CREATE TABLE "PassagePair" (
    "documentId" TEXT NOT NULL,
    "codeA" TEXT NOT NULL,
    "codeB" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "passages" INTEGER NOT NULL,

    CONSTRAINT "PassagePair_pkey" PRIMARY KEY ("documentId","codeA","codeB")
);

-- CreateIndex
CREATE INDEX "CoderPassageSet_projectId_coderId_idx" ON "CoderPassageSet"("projectId", "coderId");

-- CreateIndex
CREATE INDEX "PassageSet_projectId_idx" ON "PassageSet"("projectId");

-- CreateIndex
CREATE INDEX "PassagePair_projectId_idx" ON "PassagePair"("projectId");

-- The passage tables are derived from "Coding" by the triggers below and by nothing else.
--
-- How a statement's changes reach them: a statement-level trigger collects the (document,
-- code) pairs the statement touched (both before and after an update) and calls
-- grounded_refresh_passages, which recomputes those pairs from "Coding" as it now stands:
-- each analyst's spans merged (CoderPassageSet), every analyst's merged (PassageSet), and the
-- overlapping-passage counts between the touched codes and every other code of the document
-- (PassagePair). A bulk insert of 200,000 codings is one call, set-based.
--
-- Why concurrent writers cannot lose each other's changes: the refresh first locks the
-- touched documents' rows (FOR NO KEY UPDATE, in id order; this does not block inserts,
-- whose foreign-key checks take KEY SHARE), so two transactions refreshing one document take
-- turns, and the second recomputes only after the first has committed. Under READ COMMITTED
-- each statement of the function then reads a fresh snapshot, which includes the first
-- transaction's codings. Under REPEATABLE READ it would not, so writing codings at that
-- level is refused rather than left to give stale figures.

-- work_mem: a bulk insert (an import) refreshes every pair of the project at once, and
-- PostgreSQL's default 4 MB sends its sorts to disk.
CREATE FUNCTION grounded_refresh_passages(doc_ids text[], code_ids text[]) RETURNS void
LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'Codings must be written at READ COMMITTED isolation (the passage tables are recomputed from the latest committed codings)'
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

CREATE FUNCTION grounded_coding_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM grounded_refresh_passages(array_agg("documentId"), array_agg("codeId")) FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION grounded_coding_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM grounded_refresh_passages(array_agg("documentId"), array_agg("codeId")) FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- An update touches the pairs before and after, and only when it moved a span: a memo
-- edit changes no passage.
CREATE FUNCTION grounded_coding_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM grounded_refresh_passages(array_agg(d), array_agg(c))
  FROM (
    SELECT k.d, k.c
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o."documentId", o."codeId"), (n."documentId", n."codeId")) AS k(d, c)
    WHERE (o."documentId", o."codeId", o."coderId", o."start", o."end") IS DISTINCT FROM (n."documentId", n."codeId", n."coderId", n."start", n."end")
  ) moved
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION grounded_coding_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "CoderPassageSet", "PassageSet", "PassagePair";
  RETURN NULL;
END $$;

CREATE TRIGGER "Coding_passages_inserted" AFTER INSERT ON "Coding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grounded_coding_inserted();
CREATE TRIGGER "Coding_passages_deleted" AFTER DELETE ON "Coding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION grounded_coding_deleted();
CREATE TRIGGER "Coding_passages_updated" AFTER UPDATE ON "Coding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grounded_coding_updated();
CREATE TRIGGER "Coding_passages_truncated" AFTER TRUNCATE ON "Coding"
  FOR EACH STATEMENT EXECUTE FUNCTION grounded_coding_truncated();

-- The codings already there.
SELECT grounded_refresh_passages(array_agg("documentId"), array_agg("codeId")) FROM "Coding" HAVING count(*) > 0;
