-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('owner', 'analyst', 'viewer');

-- CreateEnum
CREATE TYPE "AttributeType" AS ENUM ('text', 'number', 'category', 'boolean');

-- CreateEnum
CREATE TYPE "SpeakerRole" AS ENUM ('interviewer', 'respondent', 'other');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttributeDefinition" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AttributeType" NOT NULL,
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AttributeDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttributeValue" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "textValue" TEXT,
    "numberValue" DOUBLE PRECISION,
    "booleanValue" BOOLEAN,

    CONSTRAINT "AttributeValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "caseId" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textLength" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerTurn" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "speaker" TEXT NOT NULL,
    "role" "SpeakerRole" NOT NULL DEFAULT 'respondent',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "timestampMs" INTEGER,

    CONSTRAINT "SpeakerTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Code" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "colour" TEXT NOT NULL DEFAULT '#64748b',
    "description" TEXT NOT NULL DEFAULT '',
    "inclusion" TEXT NOT NULL DEFAULT '',
    "exclusion" TEXT NOT NULL DEFAULT '',
    "example" TEXT NOT NULL DEFAULT '',
    "shortcut" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coding" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "coderId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "memo" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Memo" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "documentId" TEXT,
    "codeId" TEXT,
    "codingId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Memo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "statement" TEXT NOT NULL,
    "figure" JSONB,
    "statedValue" DOUBLE PRECISION,
    "statedText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvidence" (
    "findingId" TEXT NOT NULL,
    "codingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FindingEvidence_pkey" PRIMARY KEY ("findingId","codingId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_projectId_userId_key" ON "Membership"("projectId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AttributeDefinition_projectId_name_key" ON "AttributeDefinition"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AttributeDefinition_id_projectId_key" ON "AttributeDefinition"("id", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_projectId_name_key" ON "Case"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Case_id_projectId_key" ON "Case"("id", "projectId");

-- CreateIndex
CREATE INDEX "AttributeValue_attributeId_idx" ON "AttributeValue"("attributeId");

-- CreateIndex
CREATE UNIQUE INDEX "AttributeValue_caseId_attributeId_key" ON "AttributeValue"("caseId", "attributeId");

-- CreateIndex
CREATE INDEX "Document_projectId_position_idx" ON "Document"("projectId", "position");

-- CreateIndex
CREATE INDEX "Document_caseId_idx" ON "Document"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_id_projectId_key" ON "Document"("id", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerTurn_documentId_index_key" ON "SpeakerTurn"("documentId", "index");

-- CreateIndex
CREATE INDEX "Code_projectId_parentId_idx" ON "Code"("projectId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Code_id_projectId_key" ON "Code"("id", "projectId");

-- CreateIndex
CREATE INDEX "Coding_documentId_start_idx" ON "Coding"("documentId", "start");

-- CreateIndex
CREATE INDEX "Coding_codeId_idx" ON "Coding"("codeId");

-- CreateIndex
CREATE INDEX "Coding_coderId_idx" ON "Coding"("coderId");

-- CreateIndex
CREATE INDEX "Coding_projectId_idx" ON "Coding"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Coding_documentId_codeId_coderId_start_end_key" ON "Coding"("documentId", "codeId", "coderId", "start", "end");

-- CreateIndex
CREATE INDEX "Memo_projectId_idx" ON "Memo"("projectId");

-- CreateIndex
CREATE INDEX "Memo_documentId_idx" ON "Memo"("documentId");

-- CreateIndex
CREATE INDEX "Memo_codeId_idx" ON "Memo"("codeId");

-- CreateIndex
CREATE INDEX "Memo_codingId_idx" ON "Memo"("codingId");

-- CreateIndex
CREATE INDEX "Finding_projectId_position_idx" ON "Finding"("projectId", "position");

-- CreateIndex
CREATE INDEX "FindingEvidence_codingId_idx" ON "FindingEvidence"("codingId");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_createdAt_idx" ON "AuditEvent"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributeDefinition" ADD CONSTRAINT "AttributeDefinition_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributeValue" ADD CONSTRAINT "AttributeValue_caseId_projectId_fkey" FOREIGN KEY ("caseId", "projectId") REFERENCES "Case"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributeValue" ADD CONSTRAINT "AttributeValue_attributeId_projectId_fkey" FOREIGN KEY ("attributeId", "projectId") REFERENCES "AttributeDefinition"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerTurn" ADD CONSTRAINT "SpeakerTurn_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Code" ADD CONSTRAINT "Code_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Code" ADD CONSTRAINT "Code_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Code"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_codeId_projectId_fkey" FOREIGN KEY ("codeId", "projectId") REFERENCES "Code"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_coderId_fkey" FOREIGN KEY ("coderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Memo" ADD CONSTRAINT "Memo_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Memo" ADD CONSTRAINT "Memo_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Memo" ADD CONSTRAINT "Memo_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Memo" ADD CONSTRAINT "Memo_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Memo" ADD CONSTRAINT "Memo_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvidence" ADD CONSTRAINT "FindingEvidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvidence" ADD CONSTRAINT "FindingEvidence_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Constraints schema.prisma cannot express. Offsets count code points, as char_length
-- and substr do, so the database itself can hold every span to its document.
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_span_check" CHECK ("start" >= 0 AND "start" < "end");
ALTER TABLE "SpeakerTurn" ADD CONSTRAINT "SpeakerTurn_span_check" CHECK ("start" >= 0 AND "start" <= "end");
ALTER TABLE "Document" ADD CONSTRAINT "Document_textLength_check" CHECK ("textLength" = char_length("text"));
ALTER TABLE "Document" ADD CONSTRAINT "Document_text_normalized_check" CHECK ("text" IS NFC NORMALIZED AND strpos("text", E'\r') = 0);
ALTER TABLE "AttributeValue" ADD CONSTRAINT "AttributeValue_one_value_check" CHECK (num_nonnulls("textValue", "numberValue", "booleanValue") = 1);

CREATE FUNCTION grounded_document_text_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text" THEN
    RAISE EXCEPTION 'a document''s text cannot change after import (document %)', OLD."id" USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Document_text_immutable" BEFORE UPDATE OF "text" ON "Document"
  FOR EACH ROW EXECUTE FUNCTION grounded_document_text_immutable();

CREATE FUNCTION grounded_check_span_in_document() RETURNS trigger AS $$
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
  IF TG_TABLE_NAME = 'Coding' THEN
    IF substr(doc_text, NEW."start" + 1, NEW."end" - NEW."start") IS DISTINCT FROM NEW."quote" THEN
      RAISE EXCEPTION 'the quote does not match the document text at [%, %)', NEW."start", NEW."end"
        USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Coding_span_in_document" BEFORE INSERT OR UPDATE OF "start", "end", "quote", "documentId" ON "Coding"
  FOR EACH ROW EXECUTE FUNCTION grounded_check_span_in_document();

CREATE TRIGGER "SpeakerTurn_span_in_document" BEFORE INSERT OR UPDATE OF "start", "end", "documentId" ON "SpeakerTurn"
  FOR EACH ROW EXECUTE FUNCTION grounded_check_span_in_document();
