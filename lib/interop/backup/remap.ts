import type { Prisma } from "../../db/generated/client";

/** New ids for the ids of the backed-up project, by what they name. */
export type IdMaps = {
  documents: (id: string) => string;
  codes: (id: string) => string;
  attributes: (id: string) => string;
  users: (id: string) => string;
};

/**
 * A saved search is stored as the search page's query string (lib/search/saved.ts), which
 * names interviews, a case attribute, a code and an analyst by row id: `documents=<id>,<id>`,
 * `case=<attributeId>:<value>`, `code=<id>`, `analyst=<userId>`. A restore gives every row a
 * new id, so those parameters are rewritten; the rest (the words, the mode) stays as it was,
 * and the current schema checks the search again whenever it runs, as for any saved search.
 */
export function remapSearchParams(params: string, ids: IdMaps): string {
  const query = new URLSearchParams(params);
  const documents = query.getAll("documents");
  if (documents.length > 0) {
    query.delete("documents");
    const mapped = documents.flatMap((value) => value.split(",")).map((id) => id.trim()).filter(Boolean).map(ids.documents);
    query.set("documents", mapped.join(","));
  }
  const kase = query.get("case");
  if (kase) {
    const at = kase.indexOf(":");
    if (at > 0) query.set("case", `${ids.attributes(kase.slice(0, at).trim())}:${kase.slice(at + 1)}`);
  }
  const code = query.get("code");
  if (code) query.set("code", ids.codes(code.trim()));
  const analyst = query.get("analyst");
  if (analyst) query.set("analyst", ids.users(analyst.trim()));
  return query.toString();
}

/** A saved search's stored query ({ params }), its ids rewritten; anything else is kept as it was. */
export function remapSavedQuery(query: unknown, ids: IdMaps): Prisma.InputJsonValue {
  if (query && typeof query === "object" && !Array.isArray(query) && "params" in query && typeof query.params === "string") {
    return { ...(query as Record<string, Prisma.InputJsonValue>), params: remapSearchParams(query.params, ids) };
  }
  return (query ?? {}) as Prisma.InputJsonValue;
}

/**
 * What an auto-coding run records about its source (lib/autocode, lib/search/autocode.ts):
 * a search's query string (`params`) and the interviews it was limited to (`documentIds`)
 * name rows by id, rewritten like a saved search's; the summary, counts and patterns are text.
 */
export function remapBatchSource(source: unknown, ids: IdMaps): Prisma.InputJsonValue {
  if (!source || typeof source !== "object" || Array.isArray(source)) return (source ?? {}) as Prisma.InputJsonValue;
  const out: Record<string, unknown> = { ...source };
  if (typeof out.params === "string") out.params = remapSearchParams(out.params, ids);
  if (Array.isArray(out.documentIds)) out.documentIds = out.documentIds.map((id) => (typeof id === "string" ? ids.documents(id) : id));
  return out as Prisma.InputJsonValue;
}

/**
 * A detached coding's snapshot (lib/transcripts/correction/detach.ts) holds whole rows of the
 * source project (the coding, its memos, evidence, star), to put back with their ids when the
 * coding is re-placed. Every id in it is rewritten by the field that holds it: `id` and
 * `codingId` through `row` (a row no longer in the live tables gets a fresh id, the same one
 * wherever it is named), the rest through their tables; `projectId` becomes the new project.
 */
export function remapSnapshot(value: unknown, ids: IdMaps & { row: (id: string) => string; findings: (id: string) => string; projectId: string }): unknown {
  const byField: Record<string, (id: string) => string> = {
    id: ids.row,
    codingId: ids.row,
    documentId: ids.documents,
    codeId: ids.codes,
    coderId: ids.users,
    authorId: ids.users,
    starredById: ids.users,
    createdById: ids.users,
    findingId: ids.findings,
    projectId: () => ids.projectId,
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([key, inner]) => [key, typeof inner === "string" && byField[key] ? byField[key](inner) : walk(inner)]));
  };
  return walk(value) as Prisma.InputJsonValue;
}
