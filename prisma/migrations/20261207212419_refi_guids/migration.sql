-- AlterTable
ALTER TABLE "AttributeDefinition" ADD COLUMN     "refiGuid" TEXT;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "refiGuid" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "refiGuid" TEXT;

-- AlterTable
ALTER TABLE "Code" ADD COLUMN     "refiGuid" TEXT;

-- AlterTable
ALTER TABLE "Coding" ADD COLUMN     "refiGuid" TEXT;

-- AlterTable
ALTER TABLE "Memo" ADD COLUMN     "refiGuid" TEXT;
