import { casesMatching } from "../analysis/data";
import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { codePointIndex } from "../transcripts/offsets";
import { type Context, contextOf, phrasePattern, queryWords, tokens, turnAt } from "./kwic";
import { HIT_CAP, HITS_SHOWN_PER_INTERVIEW, INTERVIEWS_PER_PAGE } from "./limits";
import { regexHits, type Span } from "./regex";
import type { SearchQuery } from "./schema";

/** One hit: code point offsets [start, end) into Document.text, its context and speaker. */
export type SearchHit = Context & Span & { speaker: string | null };
export type SearchGroup = { document: { id: string; title: string }; hitCount: number; hits: SearchHit[] };
export type SearchResult = {
  totalHits: number;
  totalInterviews: number;
  /** Counting stopped at HIT_CAP hits: the totals are "at least". */
  capped: boolean;
  page: number;
  pageCount: number;
  groups: SearchGroup[];
};

type Finder = {
  /** Narrows the project's documents with the GIN index (or a scan, for prefixes). */
  candidates: Prisma.Sql;
  /** The hits in one candidate's text, as UTF-16 [start, end). */
  hitsIn(text: string): Promise<[number, number][]> | [number, number][];
};

const BATCH = 16;

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
 * Searches a project's transcripts (authorization is the caller's: any member may search,
 * since transcript text is not hidden by blind coding). Candidates come from PostgreSQL (the
 * tsvector's GIN index); hits are then located in each candidate's text, a batch at a time, so
 * memory stays bounded: only the requested page keeps its hits, the rest are counted, and
 * counting stops at HIT_CAP.
 */
export async function searchProject(projectId: string, query: SearchQuery): Promise<SearchResult> {
  const project = await db().project.findUnique({ where: { id: projectId, deletedAt: null }, select: { searchLanguage: true } });
  if (!project) throw notFound("That project");
  if (query.documents.length > 0) {
    const found = await db().document.count({ where: { projectId, id: { in: query.documents } } });
    if (found !== query.documents.length) throw notFound("An interview chosen to search in");
  }
  const cases = query.case ? await casesMatching(projectId, [{ attributeId: query.case.attributeId, op: "eq", value: query.case.value }]) : null;
  const inScope = Prisma.sql`${query.documents.length > 0 ? Prisma.sql`AND id = ANY(${query.documents}::text[])` : Prisma.empty} ${cases ? Prisma.sql`AND "caseId" = ANY(${cases}::text[])` : Prisma.empty}`;

  let finder: Finder;
  let regex: Map<string, Span[]> | null = null;
  if (query.mode === "regex") {
    const ids = (await db().$queryRaw<{ id: string }[]>`SELECT id FROM "Document" WHERE "projectId" = ${projectId} ${inScope}`).map((r) => r.id);
    regex = await regexHits(ids, query.q, HIT_CAP);
    finder = { candidates: Prisma.sql`AND id = ANY(${[...regex.keys()]}::text[])`, hitsIn: () => [] };
  } else {
    finder = await wordFinder(project.searchLanguage, query);
  }

  const candidates = await db().$queryRaw<{ id: string; title: string }[]>`
    SELECT id, title FROM "Document" WHERE "projectId" = ${projectId} ${inScope} ${finder.candidates}
    ORDER BY position, "createdAt", id`;

  const first = (query.page - 1) * INTERVIEWS_PER_PAGE;
  const groups: SearchGroup[] = [];
  let totalHits = 0;
  let totalInterviews = 0;
  let capped = false;
  for (let i = 0; i < candidates.length && !capped; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const [texts, turns] = await Promise.all([
      db().document.findMany({ where: { id: { in: batch.map((d) => d.id) } }, select: { id: true, text: true } }),
      db().speakerTurn.findMany({ where: { documentId: { in: batch.map((d) => d.id) } }, orderBy: { start: "asc" }, select: { documentId: true, start: true, end: true, speaker: true, role: true } }),
    ]);
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    for (const document of batch) {
      const text = textOf.get(document.id) ?? "";
      const index = codePointIndex(text);
      const own = turns.filter((t) => t.documentId === document.id);
      const spans: Span[] = regex ? (regex.get(document.id) ?? []) : (await finder.hitsIn(text)).map(([s, e]) => ({ start: index.toCodePoint(s), end: index.toCodePoint(e) }));
      const kept = spans
        .map((span) => ({ span, turn: turnAt(own, span.start) }))
        .filter(({ turn }) => query.speaker === "all" || turn?.role === query.speaker);
      if (kept.length === 0) continue;
      const take = Math.min(kept.length, HIT_CAP - totalHits);
      if (take < kept.length) capped = true;
      if (take === 0) break;
      totalHits += take;
      totalInterviews++;
      if (totalInterviews <= first || groups.length >= INTERVIEWS_PER_PAGE) continue;
      const hits = kept.slice(0, Math.min(take, HITS_SHOWN_PER_INTERVIEW)).map(({ span, turn }) => ({
        ...contextOf(text, index.toUtf16(span.start), index.toUtf16(span.end)),
        ...span,
        speaker: turn?.speaker ?? null,
      }));
      groups.push({ document, hitCount: take, hits });
    }
  }
  if (regex && [...regex.values()].reduce((n, l) => n + l.length, 0) > HIT_CAP) capped = true;
  return { totalHits, totalInterviews, capped, page: query.page, pageCount: Math.max(1, Math.ceil(totalInterviews / INTERVIEWS_PER_PAGE)), groups };
}

/**
 * Words, any word, exact phrase, prefix. Stemming is PostgreSQL's own: the query's words and
 * each distinct word of a candidate text are put through to_tsvector with the project's
 * configuration, and a word hits when its lexemes meet the query's ("label" hits "labelling").
 */
async function wordFinder(language: string, query: SearchQuery): Promise<Finder> {
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

/** What the search page shows around its results: the project's name, its interviews and category attributes to choose from. */
export async function searchPageContext(projectId: string) {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      name: true,
      documents: { orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true } },
      attributes: { where: { type: "category" }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, categories: true } },
    },
  });
  return { name: project.name, documents: project.documents, categories: project.attributes };
}

/** The text search languages PostgreSQL offers (pg_ts_config), and the project's own. */
export async function searchLanguages(projectId: string): Promise<{ current: string; available: string[] }> {
  const [project, rows] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { searchLanguage: true } }),
    db().$queryRaw<{ cfgname: string }[]>`SELECT cfgname::text FROM pg_ts_config ORDER BY cfgname`,
  ]);
  return { current: project.searchLanguage, available: rows.map((r) => r.cfgname) };
}
