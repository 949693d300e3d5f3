import { db } from "../db/client";
import { mayRead, readScope, type ReadScope, type Viewer } from "../rigour/blind";

/**
 * A change as a watching page receives it: which row changed and how, never the row itself
 * (the page re-reads what it shows through its usual, access-checked routes).
 */
export type LiveEvent = {
  /** The audit event's id: the Server-Sent Events id a reconnecting page resumes from. */
  id: string;
  action: string;
  entity: string;
  entityId: string;
  documentId: string | null;
  codeId: string | null;
  version: number | null;
  actor: { id: string; name: string } | null;
  at: string;
};

type Json = Record<string, unknown> | null;
const field = (json: Json, key: string): unknown => (json && typeof json === "object" ? (json as Record<string, unknown>)[key] : undefined);
const text = (...values: unknown[]): string | null => (values.find((v) => typeof v === "string" && v !== "") as string | undefined) ?? null;

/** Events about the team's combined work (decisions between analysts, the consensus layer): only for readers who see every analyst. */
const TEAM_WORK = new Set(["AdjudicationDecision", "ConsensusCoding"]);

/** Whose work an event is about, when that decides who may hear of it (codings, stars, runs, memos). */
function ownerOf(row: { entity: string; entityId: string; actorId: string | null; before: Json; after: Json }, coderOfCoding: Map<string, string>): string | null {
  if (row.entity === "Coding") return text(field(row.after, "coderId"), field(row.before, "coderId"), coderOfCoding.get(row.entityId), row.actorId);
  // A star's id is its coding's: the coding's analyst decides, not whoever starred it.
  if (row.entity === "RepresentativeQuote") return coderOfCoding.get(row.entityId) ?? text(field(row.after, "coderId"), field(row.before, "coderId")) ?? "";
  if (row.entity === "CodingBatch") return row.actorId;
  if (row.entity === "Memo") return text(field(row.after, "authorId"), field(row.before, "authorId"), row.actorId);
  return null;
}

type AuditRow = { id: bigint; action: string; entity: string; entityId: string; actorId: string | null; before: unknown; after: unknown; createdAt: Date; actor: { id: string; name: string } | null };

async function auditRowsAfter(projectId: string, afterId: bigint, limit: number): Promise<AuditRow[]> {
  return db().auditEvent.findMany({
    where: { projectId, id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, action: true, entity: true, entityId: true, actorId: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
}

/**
 * The project's audit events after `afterId` that `scope` may hear of, oldest first: the
 * catch-up of a reconnecting page and the read behind each notification. Under blind coding
 * an event about another analyst's codings, runs or memos is left out for readers who may not
 * see that analyst's work (lib/rigour/blind.ts), so a live page cannot learn more than a
 * reload would show. `more` says the batch was full: the page should reload rather than trust
 * a partial catch-up.
 */
export async function eventsAfter(projectId: string, afterId: bigint, scope: ReadScope, limit = 200): Promise<{ events: LiveEvent[]; lastId: bigint; more: boolean }> {
  return filterEvents(await auditRowsAfter(projectId, afterId, limit), afterId, scope, limit);
}

/**
 * The same for a live stream, sharing the work between the pages one instance serves: ten
 * pages on a document hear the same notification at once and would each read the same rows
 * and the same blind state, so both are kept for a moment (rows 250 ms per project, position
 * and newest notice, a reader's scope 1 s, dropped at once when a batch holds a blind-coding
 * change).
 */
export async function eventsFor(projectId: string, afterId: bigint, viewer: Viewer, heard: bigint, limit = 200): Promise<{ events: LiveEvent[]; lastId: bigint; more: boolean }> {
  // `heard`, the newest event id notified, is in the key: a read made before that notice is not reused after it.
  const rows = await shared(rowCache, `${projectId}:${afterId}:${heard}:${limit}`, 250, () => auditRowsAfter(projectId, afterId, limit));
  if (rows.some((r) => r.action.includes("blind"))) for (const key of [...scopeCache.keys()]) if (key.startsWith(`${projectId}:`)) scopeCache.delete(key);
  const scope = await shared(scopeCache, `${projectId}:${viewer.id}:${viewer.role}`, 1000, () => readScope(projectId, viewer));
  return filterEvents(rows, afterId, scope, limit);
}

const rowCache = new Map<string, { at: number; value: Promise<AuditRow[]> }>();
const scopeCache = new Map<string, { at: number; value: Promise<ReadScope> }>();
function shared<T>(cache: Map<string, { at: number; value: Promise<T> }>, key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
  const now = Date.now();
  for (const [k, v] of cache) if (now - v.at > ttlMs) cache.delete(k);
  const hit = cache.get(key);
  if (hit) return hit.value;
  const value = read();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  return value;
}

async function filterEvents(rows: AuditRow[], afterId: bigint, scope: ReadScope, limit: number): Promise<{ events: LiveEvent[]; lastId: bigint; more: boolean }> {
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  const codingIds = kept.filter((r) => r.entity === "Coding" || r.entity === "RepresentativeQuote").map((r) => r.entityId);
  const coderOfCoding = new Map(
    codingIds.length === 0 ? [] : (await db().coding.findMany({ where: { id: { in: codingIds } }, select: { id: true, coderId: true } })).map((c) => [c.id, c.coderId]),
  );
  const events: LiveEvent[] = [];
  for (const row of kept) {
    const before = row.before as Json;
    const after = row.after as Json;
    const documentId = text(field(after, "documentId"), field(before, "documentId"));
    if (TEAM_WORK.has(row.entity) && !seesEveryone(scope, documentId)) continue;
    const owner = ownerOf({ entity: row.entity, entityId: row.entityId, actorId: row.actorId, before, after }, coderOfCoding);
    if (owner !== null && !visible(scope, owner, documentId)) continue;
    const version = field(after, "version");
    events.push({
      id: row.id.toString(),
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      documentId,
      codeId: text(field(after, "codeId"), field(before, "codeId")),
      version: typeof version === "number" ? version : null,
      actor: row.actor,
      at: row.createdAt.toISOString(),
    });
  }
  return { events, lastId: kept.at(-1)?.id ?? afterId, more };
}

function seesEveryone(scope: ReadScope, documentId: string | null): boolean {
  if (scope.everywhere === "all") return true;
  return documentId !== null && scope.documents.get(documentId) === "all";
}

function visible(scope: ReadScope, coderId: string, documentId: string | null): boolean {
  if (documentId) return mayRead(scope, { documentId, coderId });
  return scope.everywhere === "all" || scope.everywhere.includes(coderId);
}

/** The newest event id of the project: where a page that has just loaded starts listening. */
export async function latestEventId(projectId: string): Promise<bigint> {
  const row = await db().auditEvent.findFirst({ where: { projectId }, orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}
