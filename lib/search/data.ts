import { casesMatching } from "../analysis/data";
import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { codePointIndex } from "../transcripts/offsets";
import type { ReadScope } from "../rigour/blind";
import { flattenCodeTree } from "../codes/tree";
import { codedFilter } from "./coded-filter";
import { type Finder, wordFinder } from "./finders";
import { type Context, contextOf, turnAt } from "./kwic";
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

const BATCH = 16;

/** One document's hits, in text order, with the speaker turn each falls in (code point offsets). */
export type DocumentHits = { document: { id: string; title: string }; text: string; hits: { span: Span; turn: { speaker: string; role: string } | null }[] };

/**
 * Every document of the search with at least one hit, in the project's order. Candidates come
 * from PostgreSQL (the tsvector's GIN index); hits are then located in each candidate's text,
 * a batch of documents at a time, so memory stays bounded by the consumer. Filters by speaker
 * and by coding apply here; the coding filter sees only what `scope` may read. A regular
 * expression is matched in PostgreSQL up to `cap` + 1 hits; `state.truncated` says it stopped.
 */
export async function* documentHits(projectId: string, query: SearchQuery, scope: ReadScope, cap: number, state: { truncated: boolean }): AsyncGenerator<DocumentHits> {
  const project = await db().project.findUnique({ where: { id: projectId, deletedAt: null }, select: { searchLanguage: true } });
  if (!project) throw notFound("That project");
  if (query.documents.length > 0) {
    const found = await db().document.count({ where: { projectId, id: { in: query.documents } } });
    if (found !== query.documents.length) throw notFound("An interview chosen to search in");
  }
  const cases = query.case ? await casesMatching(projectId, [{ attributeId: query.case.attributeId, op: "eq", value: query.case.value }]) : null;
  const inScope = Prisma.sql`${query.documents.length > 0 ? Prisma.sql`AND id = ANY(${query.documents}::text[])` : Prisma.empty} ${cases ? Prisma.sql`AND "caseId" = ANY(${cases}::text[])` : Prisma.empty}`;
  const coded = await codedFilter(projectId, query, scope);

  let finder: Finder;
  let regex: Map<string, Span[]> | null = null;
  if (query.mode === "regex") {
    const ids = (await db().$queryRaw<{ id: string }[]>`SELECT id FROM "Document" WHERE "projectId" = ${projectId} ${inScope}`).map((r) => r.id);
    regex = await regexHits(ids, query.q, cap);
    // PostgreSQL stopped after cap + 1 matches, in no particular order: the totals are "at least".
    if ([...regex.values()].reduce((n, l) => n + l.length, 0) > cap) state.truncated = true;
    finder = { candidates: Prisma.sql`AND id = ANY(${[...regex.keys()]}::text[])`, hitsIn: () => [] };
  } else {
    finder = await wordFinder(project.searchLanguage, query);
  }

  const candidates = await db().$queryRaw<{ id: string; title: string }[]>`
    SELECT id, title FROM "Document" WHERE "projectId" = ${projectId} ${inScope} ${finder.candidates}
    ORDER BY position, "createdAt", id`;
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const ids = batch.map((d) => d.id);
    const [texts, turns, onCodings] = await Promise.all([
      db().document.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } }),
      db().speakerTurn.findMany({ where: { documentId: { in: ids } }, orderBy: { start: "asc" }, select: { documentId: true, start: true, end: true, speaker: true, role: true } }),
      coded?.(ids),
    ]);
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    for (const document of batch) {
      const text = textOf.get(document.id) ?? "";
      const index = codePointIndex(text);
      const own = turns.filter((t) => t.documentId === document.id);
      const spans: Span[] = regex ? (regex.get(document.id) ?? []) : (await finder.hitsIn(text)).map(([s, e]) => ({ start: index.toCodePoint(s), end: index.toCodePoint(e) }));
      const hits = spans
        .filter((span) => !onCodings || onCodings(document.id, span))
        .map((span) => ({ span, turn: turnAt(own, span.start) }))
        .filter(({ turn }) => query.speaker === "all" || turn?.role === query.speaker);
      if (hits.length > 0) yield { document, text, hits };
    }
  }
}

/**
 * Searches a project's transcripts for the page: counts every hit up to HIT_CAP and keeps
 * keywords in context for the requested page of interviews only. Any member may search
 * (transcript text is not hidden by blind coding); `scope` is the reader's view of codings,
 * which the coded / not coded filter obeys.
 */
export async function searchProject(projectId: string, query: SearchQuery, scope: ReadScope): Promise<SearchResult> {
  const first = (query.page - 1) * INTERVIEWS_PER_PAGE;
  const groups: SearchGroup[] = [];
  let totalHits = 0;
  let totalInterviews = 0;
  const state = { truncated: false };
  let capped = false;
  for await (const { document, text, hits } of documentHits(projectId, query, scope, HIT_CAP, state)) {
    const take = Math.min(hits.length, HIT_CAP - totalHits);
    if (take < hits.length) capped = true;
    if (take === 0) break;
    totalHits += take;
    totalInterviews++;
    if (totalInterviews <= first || groups.length >= INTERVIEWS_PER_PAGE) {
      if (capped) break;
      continue;
    }
    const index = codePointIndex(text);
    const shown = hits.slice(0, Math.min(take, HITS_SHOWN_PER_INTERVIEW)).map(({ span, turn }) => ({
      ...contextOf(text, index.toUtf16(span.start), index.toUtf16(span.end)),
      ...span,
      speaker: turn?.speaker ?? null,
    }));
    groups.push({ document, hitCount: take, hits: shown });
    if (capped) break;
  }
  if (state.truncated) capped = true;
  return { totalHits, totalInterviews, capped, page: query.page, pageCount: Math.max(1, Math.ceil(totalInterviews / INTERVIEWS_PER_PAGE)), groups };
}

/** Hits per interview of a search (those with any), for figures such as the crosstab; counting stops at HIT_CAP. */
export async function hitsPerDocument(projectId: string, query: SearchQuery, scope: ReadScope): Promise<{ counts: Map<string, number>; capped: boolean }> {
  const counts = new Map<string, number>();
  const state = { truncated: false };
  let total = 0;
  for await (const { document, hits } of documentHits(projectId, query, scope, HIT_CAP, state)) {
    counts.set(document.id, hits.length);
    total += hits.length;
    if (total >= HIT_CAP) return { counts, capped: true };
  }
  return { counts, capped: state.truncated };
}

/** A hit as auto-coding takes it: code point offsets into one document. */
export type HitSpan = Span & { documentId: string };

/**
 * Every hit of a search, for auto-coding and exports: refused past `limit` hits (ask for a
 * narrower search) rather than cut, since coding "the first 5,000" would be arbitrary.
 */
export async function searchSpans(projectId: string, query: SearchQuery, scope: ReadScope, limit = HIT_CAP): Promise<HitSpan[]> {
  const out: HitSpan[] = [];
  const state = { truncated: false };
  for await (const { document, hits } of documentHits(projectId, query, scope, limit, state)) {
    for (const { span } of hits) out.push({ documentId: document.id, ...span });
    if (out.length > limit || state.truncated) throw new AppError("VALIDATION", `This search has more than ${limit.toLocaleString("en")} matches. Narrow it (fewer interviews, a phrase, a speaker) and try again.`);
  }
  return out;
}

/**
 * What the search page shows around its results: the project's name, its interviews, category
 * attributes, codes (in tree order) and the analysts the reader may filter by: every coder
 * when the reader sees every coding, else only those whose codings they may see.
 */
export async function searchPageContext(projectId: string, scope: ReadScope) {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      name: true,
      documents: { orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true } },
      attributes: { where: { type: "category" }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, categories: true } },
      codes: { where: { deletedAt: null }, select: { id: true, parentId: true, position: true, name: true } },
      memberships: { where: { role: { in: ["owner", "analyst"] } }, select: { user: { select: { id: true, name: true } } } },
    },
  });
  const coders = project.memberships.map((m) => m.user).filter((u) => scope.everywhere === "all" || scope.everywhere.includes(u.id));
  return {
    name: project.name,
    documents: project.documents,
    categories: project.attributes,
    codes: flattenCodeTree(project.codes).map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
    analysts: coders.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The text search languages PostgreSQL offers (pg_ts_config), and the project's own. */
export async function searchLanguages(projectId: string): Promise<{ current: string; available: string[] }> {
  const [project, rows] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { searchLanguage: true } }),
    db().$queryRaw<{ cfgname: string }[]>`SELECT cfgname::text FROM pg_ts_config ORDER BY cfgname`,
  ]);
  return { current: project.searchLanguage, available: rows.map((r) => r.cfgname) };
}
