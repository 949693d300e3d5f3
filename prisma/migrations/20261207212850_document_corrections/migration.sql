-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "correctionRole" "MemberRole" NOT NULL DEFAULT 'analyst';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "turns" JSONB NOT NULL,
    "authorId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodingCorrection" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'coding',
    "codingId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "coderId" TEXT,
    "documentVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "oldStart" INTEGER NOT NULL,
    "oldEnd" INTEGER NOT NULL,
    "oldQuote" TEXT NOT NULL,
    "newQuote" TEXT,
    "snapshot" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "CodingCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_version_key" ON "DocumentVersion"("documentId", "version");

-- CreateIndex
CREATE INDEX "CodingCorrection_documentId_resolvedAt_idx" ON "CodingCorrection"("documentId", "resolvedAt");

-- CreateIndex
CREATE INDEX "CodingCorrection_codingId_idx" ON "CodingCorrection"("codingId");

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodingCorrection" ADD CONSTRAINT "CodingCorrection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodingCorrection" ADD CONSTRAINT "CodingCorrection_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Transcript correction (lib/transcripts/correction). A document's text still never changes in
-- place unseen: an update of "text" is allowed only inside a correction, which (1) sets the
-- transaction-local flag grounded.correction, (2) archived the old text as DocumentVersion of
-- the old version number in this same transaction, and (3) moves Document.version up by one.
-- Anything else is refused as before.
CREATE OR REPLACE FUNCTION grounded_document_text_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text" THEN
    IF current_setting('grounded.correction', true) IS DISTINCT FROM 'on'
       OR NEW."version" IS DISTINCT FROM OLD."version" + 1
       OR NOT EXISTS (
         SELECT 1 FROM "DocumentVersion" v
          WHERE v."documentId" = OLD."id" AND v."version" = OLD."version" AND v."text" = OLD."text"
            AND v.xmin = pg_current_xact_id()::xid) THEN
      RAISE EXCEPTION 'a document''s text changes only through a correction that keeps the old version (document %)', OLD."id"
        USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

-- An archived version is history: it is never rewritten.
CREATE FUNCTION grounded_document_version_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'an archived document version cannot change (document %, version %)', OLD."documentId", OLD."version"
    USING ERRCODE = '23514';
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "DocumentVersion_immutable" BEFORE UPDATE ON "DocumentVersion"
  FOR EACH ROW EXECUTE FUNCTION grounded_document_version_immutable();

-- Search follows the corrected text (the insert trigger of document_search_vector, on update).
CREATE TRIGGER "Document_search_vector_corrected" BEFORE UPDATE OF "text" ON "Document"
  FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text")
  EXECUTE FUNCTION grounded_document_search_vector();

-- During a correction, codings, consensus codings and turns move in bulk (through positions
-- that are briefly outside the text, so that the unique key of codings never sees two rows
-- crossing), so the per-row span check stands aside; the deferred check below holds every
-- span of the corrected document to the new text at commit instead.
CREATE OR REPLACE FUNCTION grounded_check_span_in_document() RETURNS trigger AS $$
DECLARE
  doc_text TEXT;
BEGIN
  IF current_setting('grounded.correction', true) = 'on' THEN
    RETURN NEW;
  END IF;
  SELECT "text" INTO doc_text FROM "Document" WHERE "id" = NEW."documentId";
  IF doc_text IS NULL THEN
    RETURN NEW; -- the foreign key reports the missing document
  END IF;
  IF NEW."end" > char_length(doc_text) THEN
    RAISE EXCEPTION 'span [%, %) is outside the document (% characters)', NEW."start", NEW."end", char_length(doc_text)
      USING ERRCODE = '23514';
  END IF;
  -- Nested so that NEW."quote" is only compiled for rows that have it.
  IF TG_TABLE_NAME IN ('Coding', 'ConsensusCoding') THEN
    IF substr(doc_text, NEW."start" + 1, NEW."end" - NEW."start") IS DISTINCT FROM NEW."quote" THEN
      RAISE EXCEPTION 'the quote does not match the document text at [%, %)', NEW."start", NEW."end"
        USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION grounded_check_corrected_spans() RETURNS trigger AS $$
DECLARE
  doc_text TEXT;
  doc_length INTEGER;
  bad TEXT;
BEGIN
  SELECT "text" INTO doc_text FROM "Document" WHERE "id" = NEW."id";
  IF doc_text IS NULL THEN
    RETURN NULL;
  END IF;
  doc_length := char_length(doc_text);
  SELECT id INTO bad FROM "Coding" WHERE "documentId" = NEW."id"
     AND ("end" > doc_length OR substr(doc_text, "start" + 1, "end" - "start") IS DISTINCT FROM "quote") LIMIT 1;
  IF bad IS NULL THEN
    SELECT id INTO bad FROM "ConsensusCoding" WHERE "documentId" = NEW."id"
       AND ("end" > doc_length OR substr(doc_text, "start" + 1, "end" - "start") IS DISTINCT FROM "quote") LIMIT 1;
  END IF;
  IF bad IS NULL THEN
    SELECT id INTO bad FROM "SpeakerTurn" WHERE "documentId" = NEW."id" AND ("end" > doc_length OR "start" < 0 OR "start" > "end") LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'after correcting document %, span % does not match its text', NEW."id", bad USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "Document_spans_after_correction" AFTER UPDATE OF "text" ON "Document"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text")
  EXECUTE FUNCTION grounded_check_corrected_spans();

ALTER TABLE "Project" ADD CONSTRAINT "Project_correctionRole_check" CHECK ("correctionRole" IN ('owner', 'analyst'));
ALTER TABLE "Document" ADD CONSTRAINT "Document_version_check" CHECK ("version" >= 1);
ALTER TABLE "CodingCorrection" ADD CONSTRAINT "CodingCorrection_kind_check" CHECK ("kind" IN ('coding', 'consensus'));
ALTER TABLE "CodingCorrection" ADD CONSTRAINT "CodingCorrection_status_check" CHECK ("status" IN ('edited', 'detached'));
ALTER TABLE "CodingCorrection" ADD CONSTRAINT "CodingCorrection_resolution_check"
  CHECK (("resolution" IS NULL) = ("resolvedAt" IS NULL) AND ("resolution" IS NULL OR "resolution" IN ('accepted', 'replaced', 'deleted')));
ALTER TABLE "CodingCorrection" ADD CONSTRAINT "CodingCorrection_detached_snapshot_check" CHECK ("status" <> 'detached' OR "snapshot" IS NOT NULL);
