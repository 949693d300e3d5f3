import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { AppError } from "../errors";
import { phrasePattern, queryWords, tokens } from "./kwic";
import type { SearchQuery } from "./schema";

/** How one search finds its hits: which documents may hold them, then where they are in a text. */
export type Finder = {
  /** Narrows the project's documents with the GIN index (or a scan, for prefixes). */
  candidates: Prisma.Sql;
  /** The hits in one candidate's text, as UTF-16 [start, end). */
  hitsIn(text: string): Promise<[number, number][]> | [number, number][];
};

/**
 * A word's lexemes under a text search configuration never change (short of a new dictionary,
 * which needs a restart anyway), so they are kept between searches: a transcript's vocabulary
 * is put through to_tsvector once, not on every search. Bounded: emptied when it grows past
 * LEXEME_CACHE_WORDS.
 */
const LEXEME_CACHE_WORDS = 200_000;
const lexemeCaches = new Map<string, Map<string, string[]>>();
function lexemeCache(language: string): Map<string, string[]> {
  if ([...lexemeCaches.values()].reduce((n, m) => n + m.size, 0) > LEXEME_CACHE_WORDS) lexemeCaches.clear();
  let cache = lexemeCaches.get(language);
  if (!cache) lexemeCaches.set(language, (cache = new Map()));
  return cache;
}

/**
 * Words, any word, exact phrase, prefix. Stemming is PostgreSQL's own: the query's words and
 * each distinct word of a candidate text are put through to_tsvector with the project's
 * configuration, and a word hits when its lexemes meet the query's ("label" hits "labelling").
 */
export async function wordFinder(language: string, query: SearchQuery): Promise<Finder> {
  const config = Prisma.sql`${language}::regconfig`;
  if (query.mode === "phrase") {
    const pattern = phrasePattern(query.q);
    if (!pattern) throw new AppError("VALIDATION", "Type the phrase to search for.");
    const [{ useful }] = await db().$queryRaw<{ useful: boolean }[]>`SELECT numnode(plainto_tsquery(${config}, ${query.q})) > 0 AS useful`;
    return {
      // A phrase of only common words ("and the") has no lexemes: every document is a candidate.
      candidates: useful ? Prisma.sql`AND ("searchVector" @@ plainto_tsquery(${config}, ${query.q}) OR "searchVector" IS NULL)` : Prisma.empty,
      hitsIn: (text) => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]),
    };
  }
  const words = queryWords(query.q);
  if (words.length === 0) throw new AppError("VALIDATION", "Type at least one word (letters or digits) to search for.");
  if (query.mode === "prefix") {
    const starts = words.map((w) => w.toLowerCase());
    return {
      // Prefixes are not stemmed ("labelli" must still find "labelling"), so no index here: a scan.
      candidates: Prisma.sql`AND text ~* ${`\\m(${words.join("|")})`}`,
      hitsIn: (text) => [...tokens(text)].filter((t) => starts.some((s) => t.word.toLowerCase().startsWith(s))).map((t) => [t.start, t.end]),
    };
  }
  const lexemes = new Set(
    (await db().$queryRaw<{ l: string }[]>`SELECT unnest(tsvector_to_array(to_tsvector(${config}, w))) AS l FROM unnest(${words}::text[]) AS w`).map((r) => r.l),
  );
  if (lexemes.size === 0) throw new AppError("VALIDATION", "Those are all words search ignores as too common (the, and, of …). Search for them as an exact phrase instead.");
  const tsquery = words.join(query.mode === "any" ? " | " : " & ");
  const lexemesOf = lexemeCache(language);
  return {
    candidates: Prisma.sql`AND ("searchVector" @@ to_tsquery(${config}, ${tsquery}) OR "searchVector" IS NULL)`,
    async hitsIn(text) {
      const found = [...tokens(text)];
      const unknown = [...new Set(found.map((t) => t.word.toLowerCase()))].filter((w) => !lexemesOf.has(w));
      if (unknown.length > 0) {
        const rows = await db().$queryRaw<{ w: string; l: string[] }[]>`SELECT w, tsvector_to_array(to_tsvector(${config}, w)) AS l FROM unnest(${unknown}::text[]) AS w`;
        for (const row of rows) lexemesOf.set(row.w, row.l);
      }
      const hit = found.filter((t) => lexemesOf.get(t.word.toLowerCase())?.some((l) => lexemes.has(l)));
      // "All words" also needs every word in this text: a NULL-vector document was not checked by the index.
      if (query.mode === "words") {
        const present = new Set(hit.flatMap((t) => lexemesOf.get(t.word.toLowerCase()) ?? []));
        if ([...lexemes].some((l) => !present.has(l))) return [];
      }
      return hit.map((t) => [t.start, t.end]);
    },
  };
}

