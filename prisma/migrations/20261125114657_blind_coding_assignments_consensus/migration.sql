-- CreateEnum
CREATE TYPE "AdjudicationKind" AS ENUM ('accept_a', 'accept_b', 'accept_both', 'merge', 'custom', 'reject');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "blindCoding" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "blindCoding" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdjudicationDecision" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "kind" "AdjudicationKind" NOT NULL,
    "sourceCodingIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reason" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "AdjudicationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsensusCoding" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsensusCoding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assignment_projectId_userId_idx" ON "Assignment"("projectId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_documentId_userId_key" ON "Assignment"("documentId", "userId");

-- CreateIndex
CREATE INDEX "AdjudicationDecision_projectId_documentId_idx" ON "AdjudicationDecision"("projectId", "documentId");

-- CreateIndex
CREATE INDEX "ConsensusCoding_documentId_start_idx" ON "ConsensusCoding"("documentId", "start");

-- CreateIndex
CREATE INDEX "ConsensusCoding_codeId_idx" ON "ConsensusCoding"("codeId");

-- CreateIndex
CREATE INDEX "ConsensusCoding_decisionId_idx" ON "ConsensusCoding"("decisionId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_codeId_projectId_fkey" FOREIGN KEY ("codeId", "projectId") REFERENCES "Code"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusCoding" ADD CONSTRAINT "ConsensusCoding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusCoding" ADD CONSTRAINT "ConsensusCoding_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusCoding" ADD CONSTRAINT "ConsensusCoding_codeId_projectId_fkey" FOREIGN KEY ("codeId", "projectId") REFERENCES "Code"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusCoding" ADD CONSTRAINT "ConsensusCoding_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AdjudicationDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Consensus spans are held to their document like analysts' codings (see the init migration).
ALTER TABLE "ConsensusCoding" ADD CONSTRAINT "ConsensusCoding_span_check" CHECK ("start" >= 0 AND "start" < "end");

CREATE OR REPLACE FUNCTION grounded_check_span_in_document() RETURNS trigger AS $$
DECLARE
  doc_text TEXT;
BEGIN
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

CREATE TRIGGER "ConsensusCoding_span_in_document" BEFORE INSERT OR UPDATE OF "start", "end", "quote", "documentId" ON "ConsensusCoding"
  FOR EACH ROW EXECUTE FUNCTION grounded_check_span_in_document();
