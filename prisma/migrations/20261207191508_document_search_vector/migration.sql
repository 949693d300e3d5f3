-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "searchLanguage" TEXT NOT NULL DEFAULT 'english';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Document_searchVector_idx" ON "Document" USING GIN ("searchVector");

-- Full-text search (lib/search): each document's words, stemmed with its project's text
-- search configuration. Document.text never changes, so the vector is computed once, on
-- insert, and again only when the project's language changes. A language PostgreSQL does not
-- know fails the cast to regconfig, so a bad name is refused rather than stored.
-- A transcript whose vector would pass PostgreSQL's 1 MB tsvector limit keeps NULL rather than
-- failing its import; search treats a NULL vector as "maybe" and reads that text directly.
CREATE FUNCTION grounded_search_vector(language TEXT, body TEXT) RETURNS tsvector AS $$
BEGIN
  RETURN to_tsvector(language::regconfig, body);
EXCEPTION WHEN program_limit_exceeded THEN
  RETURN NULL;
END $$ LANGUAGE plpgsql STABLE;

CREATE FUNCTION grounded_document_search_vector() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" := grounded_search_vector(
    (SELECT "searchLanguage" FROM "Project" WHERE id = NEW."projectId"), NEW.text);
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Document_search_vector" BEFORE INSERT ON "Document"
  FOR EACH ROW EXECUTE FUNCTION grounded_document_search_vector();

CREATE FUNCTION grounded_project_search_language() RETURNS trigger AS $$
BEGIN
  UPDATE "Document" SET "searchVector" = grounded_search_vector(NEW."searchLanguage", text)
   WHERE "projectId" = NEW.id;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Project_search_language" AFTER UPDATE OF "searchLanguage" ON "Project"
  FOR EACH ROW WHEN (OLD."searchLanguage" IS DISTINCT FROM NEW."searchLanguage")
  EXECUTE FUNCTION grounded_project_search_language();

CREATE FUNCTION grounded_project_search_language_known() RETURNS trigger AS $$
BEGIN
  PERFORM NEW."searchLanguage"::regconfig;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Project_search_language_known" BEFORE INSERT OR UPDATE OF "searchLanguage" ON "Project"
  FOR EACH ROW EXECUTE FUNCTION grounded_project_search_language_known();

-- Documents that exist already.
UPDATE "Document" d SET "searchVector" = grounded_search_vector(p."searchLanguage", d.text)
  FROM "Project" p WHERE p.id = d."projectId";
