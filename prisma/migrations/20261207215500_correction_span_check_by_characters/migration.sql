-- The commit-time check of a corrected document's spans (migration document_corrections) cut
-- each quote with substr, which in UTF-8 walks the text from its start (and so does indexing
-- an array of texts): 2,000 codings in a 300,000-character transcript took seconds. The text
-- is now read once into an array of code points, where a slice costs its own length, and each
-- quote is compared as its code points, so the check is linear in the text plus the quotes.
CREATE OR REPLACE FUNCTION grounded_code_points(body TEXT) RETURNS INTEGER[] AS $$
  SELECT COALESCE(array_agg(ascii(c) ORDER BY n), '{}') FROM string_to_table(body, NULL) WITH ORDINALITY AS t(c, n)
$$ LANGUAGE sql IMMUTABLE STRICT;

CREATE OR REPLACE FUNCTION grounded_check_corrected_spans() RETURNS trigger AS $$
DECLARE
  cps INTEGER[];
  doc_length INTEGER;
  bad TEXT;
BEGIN
  SELECT grounded_code_points("text") INTO cps FROM "Document" WHERE "id" = NEW."id";
  IF cps IS NULL THEN
    RETURN NULL;
  END IF;
  doc_length := cardinality(cps);
  SELECT id INTO bad FROM "Coding" WHERE "documentId" = NEW."id"
     AND ("end" > doc_length OR cps["start" + 1 : "end"] IS DISTINCT FROM grounded_code_points("quote")) LIMIT 1;
  IF bad IS NULL THEN
    SELECT id INTO bad FROM "ConsensusCoding" WHERE "documentId" = NEW."id"
       AND ("end" > doc_length OR cps["start" + 1 : "end"] IS DISTINCT FROM grounded_code_points("quote")) LIMIT 1;
  END IF;
  IF bad IS NULL THEN
    SELECT id INTO bad FROM "SpeakerTurn" WHERE "documentId" = NEW."id" AND ("end" > doc_length OR "start" < 0 OR "start" > "end") LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'after correcting document %, span % does not match its text', NEW."id", bad USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
