-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Memo" ADD COLUMN     "caseId" TEXT;

-- CreateIndex
CREATE INDEX "Memo_caseId_idx" ON "Memo"("caseId");

-- AddForeignKey
ALTER TABLE "Memo" ADD CONSTRAINT "Memo_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sibling codes have distinct names, ignoring case and surrounding spaces (the app checks
-- first and says so clearly; this index is what holds when two people add one at once).
CREATE UNIQUE INDEX "Code_live_sibling_name_key" ON "Code" ("projectId", COALESCE("parentId", ''), lower(btrim("name"))) WHERE "deletedAt" IS NULL;
