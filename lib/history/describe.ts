import type { Prisma } from "../db/generated/client";
import { kindOf, type HistoryKind } from "./kinds";
import type { EventRow } from "./query";

/**
 * One audit event in words, for the history page and a coding's history: what was done (the
 * action in words), to what (the row's name or quote), and which fields changed from what to
 * what. Pure, given the names of the rows the events point to.
 */

export type Names = { codes: ReadonlyMap<string, string>; documents: ReadonlyMap<string, string>; users: ReadonlyMap<string, string>; cases: ReadonlyMap<string, string> };
export type Change = { field: string; before: string; after: string };
export type HistoryItem = {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  kind: HistoryKind;
  verb: string;
  target: string;
  changes: Change[];
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  /** Set on the deletion of a coding, code or memo that can be restored from here. */
  restore: "coding" | "code" | "memo" | null;
};

type Json = Record<string, unknown>;

const VERBS: Record<string, string> = {
  "coding.create": "coded a passage",
  "coding.update": "changed a coding",
  "coding.delete": "deleted a coding",
  "coding.restore": "restored a coding",
  "coding.autocode": "auto-coded passages",
  "coding.autocode_undo": "undid an auto-coding run",
  "quote.star": "starred a quote",
  "quote.unstar": "unstarred a quote",
  "code.create": "created a code",
  "code.update": "edited a code",
  "code.move": "moved a code",
  "code.merge": "merged a code",
  "code.split": "split a code",
  "code.delete": "deleted a code",
  "code.restore": "restored a code",
  "codebook.copy": "copied a codebook",
  "codebook.merge_refi": "merged a REFI-QDA codebook",
  "memo.create": "wrote a memo",
  "memo.update": "edited a memo",
  "memo.delete": "deleted a memo",
  "memo.restore": "restored a memo",
  "case.create": "added a case",
  "case.rename": "renamed a case",
  "case.delete": "deleted a case",
  "case.value": "set a case's attribute",
  "coding.replace": "re-placed a coding a correction had detached",
  "document.import": "imported an interview",
  "document.correct": "corrected an interview's transcript",
  "correction.resolve": "settled a coding a correction flagged",
  "consensus.delete": "deleted a consensus coding",
  "project.correction_role": "changed who may correct transcripts",
  "document.case": "linked an interview to a case",
  "document.blind": "made interviews blind",
  "document.reveal": "revealed interviews",
  "finding.create": "added a finding",
  "finding.update": "edited a finding",
  "finding.delete": "deleted a finding",
  "finding.pin": "pinned evidence to a finding",
  "finding.unpin": "unpinned evidence from a finding",
  "finding.reorder": "reordered the findings",
  "assignment.create": "assigned an interview",
  "assignment.delete": "unassigned an interview",
  "assignment.done": "marked an interview done",
  "assignment.undone": "marked an interview not done",
  "adjudication.decide": "settled a disagreement",
  "adjudication.undo": "undid an adjudication",
  "project.create": "created the project",
  "project.update": "changed the project's settings",
  "project.blind": "turned blind coding on",
  "project.reveal": "revealed all codings (blind coding off)",
  "member.role": "changed a member's role",
  "member.remove": "removed a member",
  "membership.create": "joined the project",
  "invitation.create": "invited someone",
};

/** "attribute.display_name" becomes "attribute: display name" when no better words are known. */
export const verbOf = (action: string) => VERBS[action] ?? action.replace(".", ": ").replaceAll("_", " ");

// Bookkeeping columns that change with every write and say nothing to a reader.
const QUIET = new Set(["id", "projectId", "version", "updatedAt", "createdAt", "coder", "refiGuid", "searchVector"]);
const NAMED: Record<string, keyof Names> = { codeId: "codes", parentId: "codes", mergedInto: "codes", documentId: "documents", coderId: "users", authorId: "users", userId: "users", actorId: "users", caseId: "cases" };

function show(key: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === "") return "";
  const map = NAMED[key];
  if (map && typeof value === "string") return names[map].get(value) ?? "(deleted)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const label = (key: string) => key.replace(/Id$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** The fields that differ, or all the fields a created or deleted row had. */
export function changesOf(before: unknown, after: unknown, names: Names): Change[] {
  const b = (isObject(before) ? before : {}) as Json;
  const a = (isObject(after) ? after : {}) as Json;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !QUIET.has(k));
  return keys
    .map((k) => ({ field: label(k), before: show(k, b[k], names), after: show(k, a[k], names) }))
    .filter((c) => c.before !== c.after);
}

function targetOf(row: EventRow, names: Names): string {
  const b = (isObject(row.before) ? row.before : {}) as Json;
  const a = (isObject(row.after) ? row.after : {}) as Json;
  const pick = (k: string) => (a[k] ?? b[k]) as unknown;
  const quote = typeof pick("quote") === "string" ? `“${short(pick("quote") as string)}”` : null;
  switch (row.entity) {
    case "Coding":
      return [names.codes.get(String(pick("codeId"))) ?? "a code", quote, names.documents.get(String(pick("documentId"))) && `in ${names.documents.get(String(pick("documentId")))}`].filter(Boolean).join(" ");
    case "Code":
      return String(pick("name") ?? names.codes.get(row.entityId) ?? "a code");
    case "Memo":
      return String(pick("title") || short(String(pick("body") ?? "")) || "a memo");
    case "Document":
      return names.documents.get(row.entityId) ?? String(pick("title") ?? "an interview");
    case "Case":
      return String(pick("name") ?? names.cases.get(row.entityId) ?? "a case");
    case "Finding":
      return short(String(pick("statement") ?? "a finding"));
    case "Membership":
      return names.users.get(String(pick("userId"))) ?? "a member";
    default:
      return String(pick("name") ?? pick("title") ?? "");
  }
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const RESTORABLE: Record<string, HistoryItem["restore"]> = { "coding.delete": "coding", "code.delete": "code", "memo.delete": "memo" };

export function describeEvent(row: EventRow, names: Names): HistoryItem {
  return {
    id: row.id.toString(),
    at: row.createdAt.toISOString(),
    actor: row.actorName,
    action: row.action,
    kind: kindOf(row.action),
    verb: verbOf(row.action),
    target: targetOf(row, names),
    changes: changesOf(row.before, row.after, names),
    before: row.before,
    after: row.after,
    restore: RESTORABLE[row.action] ?? null,
  };
}

/**
 * What a reader under blind coding may see of an event that is not itself a coding's (those are
 * filtered in SQL): any part about codings (ids, counts, quotes, consensus) is taken out, since
 * it may be other analysts' hidden work: a merge's moved codings, a correction's counts of
 * kept, edited and detached codings, a finding's pinned evidence.
 */
export function redactForBlind(row: EventRow): EventRow {
  if (row.entity === "Coding") return row;
  const strip = (value: Prisma.JsonValue | null): Prisma.JsonValue | null => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isObject(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/coding|consensus|quote|dropped|moved|snapshot|memos|^(kept|edited|detached)$/i.test(k)).map(([k, v]) => [k, strip(v as Prisma.JsonValue)]));
  };
  return { ...row, before: strip(row.before), after: strip(row.after) };
}

export function withoutAddresses(row: EventRow): EventRow {
  const strip = (value: Prisma.JsonValue | null): Prisma.JsonValue | null => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isObject(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/email|password/i.test(k)).map(([k, v]) => [k, strip(v as Prisma.JsonValue)]));
  };
  return { ...row, before: strip(row.before), after: strip(row.after) };
}

/** Ids of the rows the events name, to read their names once per page. */
export function referencedIds(rows: EventRow[]): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (!isObject(value) || depth > 2) return;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "string" && (k === "id" || k in NAMED)) ids.add(v);
      else if (isObject(v)) walk(v, depth + 1);
    }
  };
  for (const row of rows) {
    ids.add(row.entityId);
    walk(row.before, 0);
    walk(row.after, 0);
  }
  return ids;
}
