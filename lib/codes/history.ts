import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { MERGE_ACTION } from "../interop/refi/codebook-merge";

/**
 * The codebook's history, from the audit log (AuditEvent rows of entity "Code", and REFI-QDA
 * codebook merges): who created, renamed, recoloured, redefined, moved, merged, split, deleted
 * or restored which code, when, with the definitions as they were before and after.
 */
export const HISTORY_PAGE = 50;

export type HistoryChange = { field: string; before: string; after: string };
export type HistoryEntry = {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  /** What happened, in words: "renamed", "edited the definition of" ... */
  verb: string;
  codeId: string | null;
  codeName: string;
  /** Fields as they were and became (definitions in full). */
  changes: HistoryChange[];
  /** One line more: where it moved, what it merged into, how many codings a split moved. */
  detail: string | null;
};

type Row = { id: bigint; action: string; entityId: string; before: Prisma.JsonValue; after: Prisma.JsonValue; createdAt: Date; actor: { name: string } | null };
type Json = Record<string, unknown>;

const FIELDS: [key: string, label: string][] = [
  ["name", "Name"],
  ["colour", "Colour"],
  ["description", "Definition"],
  ["inclusion", "Include when"],
  ["exclusion", "Exclude when"],
  ["example", "Example"],
  ["shortcut", "Shortcut"],
];
const DEFINITION = new Set(["description", "inclusion", "exclusion", "example"]);

/**
 * `counts`: whether to say how many codings a merge, split or delete touched. Only owners are
 * told: under blind coding the totals include codings an analyst may not see.
 */
export async function getCodebookHistory(projectId: string, options: { codeId?: string; page?: number; counts?: boolean } = {}): Promise<{ entries: HistoryEntry[]; total: number; page: number; pages: number }> {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.AuditEventWhereInput = options.codeId
    ? {
        projectId,
        entity: "Code",
        OR: [{ entityId: options.codeId }, { action: "code.merge", after: { path: ["mergedInto"], equals: options.codeId } }, { action: "code.split", after: { path: ["newCodeId"], equals: options.codeId } }],
      }
    : { projectId, OR: [{ entity: "Code" }, { action: MERGE_ACTION }] };
  const [rows, total, names] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * HISTORY_PAGE,
      take: HISTORY_PAGE,
      select: { id: true, action: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db().auditEvent.count({ where }),
    // Names of every code, deleted ones too, for parents and merge targets named by id.
    db().code.findMany({ where: { projectId }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const counts = options.counts ?? true;
  return { entries: rows.map((row) => describe(row, nameOf, counts)), total, page, pages: Math.max(1, Math.ceil(total / HISTORY_PAGE)) };
}

/** One audit row in words. Pure apart from the names map, so the page and the tests agree. */
export function describe(row: Row, nameOf: ReadonlyMap<string, string>, counts = true): HistoryEntry {
  const n = (value: unknown) => (counts ? `${Number(value) || 0} ` : "");
  const before = (row.before ?? {}) as Json;
  const after = (row.after ?? {}) as Json;
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const parentName = (id: unknown) => (typeof id === "string" ? `under "${nameOf.get(id) ?? "a deleted code"}"` : "at the top level");
  const base = { id: row.id.toString(), at: row.createdAt.toISOString(), actor: row.actor?.name ?? null, action: row.action, codeId: row.entityId, changes: [] as HistoryChange[], detail: null as string | null };
  const codeName = str(after.name ?? before.name ?? (before.code as Json | undefined)?.name) || (nameOf.get(row.entityId) ?? "a code");
  switch (row.action) {
    case "code.create": {
      const changes = FIELDS.filter(([k]) => k !== "name" && str(after[k])).map(([k, label]) => ({ field: label, before: "", after: str(after[k]) }));
      const from = typeof after.splitFrom === "string" ? `split off "${nameOf.get(after.splitFrom) ?? "a code"}" with ${n((after.movedCodingIds as unknown[] | undefined)?.length)}codings` : null;
      return { ...base, verb: "created", codeName, changes, detail: [parentName(after.parentId), from].filter(Boolean).join(", ") };
    }
    case "code.update": {
      const changes = FIELDS.filter(([k]) => k in after && str(before[k]) !== str(after[k])).map(([k, label]) => ({ field: label, before: str(before[k]), after: str(after[k]) }));
      const keys = FIELDS.filter(([k]) => k in after && str(before[k]) !== str(after[k])).map(([k]) => k);
      const verbs = [keys.includes("name") && "renamed", keys.includes("colour") && "recoloured", keys.some((k) => DEFINITION.has(k)) && "edited the definition of", keys.includes("shortcut") && "changed the shortcut of"].filter(Boolean);
      return { ...base, verb: verbs.join(", ") || "saved, unchanged,", codeName: str(before.name) || codeName, changes };
    }
    case "code.move": {
      const sameParent = before.parentId === after.parentId;
      return { ...base, verb: "moved", codeName, detail: sameParent ? `to place ${Number(after.position) + 1} ${parentName(after.parentId)}` : `from ${parentName(before.parentId).replace("at the top level", "the top level")} to ${parentName(after.parentId).replace("at the top level", "the top level")}` };
    }
    case "code.merge":
      return { ...base, verb: "merged", codeName: str(before.name) || codeName, detail: `into "${nameOf.get(str(after.mergedInto)) ?? "a code"}", moving ${n(after.movedCodings)}codings` };
    case "code.split":
      return { ...base, verb: "split", codeName, detail: `${counts ? n((after.movedCodingIds as unknown[] | undefined)?.length) : "chosen "}codings moved to the new code "${str(after.newCodeName)}"` };
    case "code.delete":
      return { ...base, verb: "deleted", codeName: str(before.name) || codeName, detail: `its ${n(before.codings)}codings hidden with it` };
    case "code.restore":
      return { ...base, verb: "restored", codeName };
    case MERGE_ACTION:
      return { ...base, verb: "merged a REFI-QDA codebook into the project", codeId: null, codeName: str(after.fileName) || "a codebook", detail: `${Number(after.created) || 0} codes added, ${Object.values((after.matched ?? {}) as Json).reduce((n: number, v) => n + (Number(v) || 0), 0)} matched to existing codes` };
    default:
      return { ...base, verb: row.action, codeName };
  }
}
