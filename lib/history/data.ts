import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { maySee, visibleCoderIds, type Viewer } from "../rigour/blind";
import { describeEvent, redactForBlind, referencedIds, withoutAddresses, type HistoryItem, type Names } from "./describe";
import { HISTORY_PAGE_SIZE } from "./kinds";
import { blindRule, cursorOf, parseCursor, queryEvents, type BlindRule, type EventRow } from "./query";
import type { HistoryFilters } from "./schema";

/**
 * Reads of the project's history for pages and actions. Blind coding is applied by
 * query.ts (which events) and redactForBlind (which parts of the rest); this file adds the
 * names and, on deletions, whether a restore is possible now.
 */

export type HistoryPage = { items: HistoryItem[]; older: string | null; newer: string | null };

export async function getProjectHistory(projectId: string, viewer: Viewer, filters: HistoryFilters): Promise<HistoryPage> {
  const rule = await blindRule(projectId, viewer);
  const owner = viewer.role === "owner";
  const older = parseCursor(filters.older);
  const newer = older ? undefined : parseCursor(filters.newer);
  const query = { person: filters.person, kind: filters.kind, documentId: filters.document, codeId: filters.code, from: filters.from, to: filters.to, older, newer };
  // One more than a page says whether there is another page that way.
  const rows = await queryEvents(projectId, { ...query, limit: HISTORY_PAGE_SIZE + 1 }, rule);
  const more = rows.length > HISTORY_PAGE_SIZE;
  const shown = newer ? rows.slice(rows.length - Math.min(rows.length, HISTORY_PAGE_SIZE)) : rows.slice(0, HISTORY_PAGE_SIZE);
  const items = await describeAll(projectId, shown, rule, owner);
  const first = shown[0];
  const last = shown.at(-1);
  return {
    items,
    older: last && (newer || more) ? cursorOf(last) : null,
    newer: first && (older || (newer && more)) ? cursorOf(first) : null,
  };
}

/**
 * One coding's history (its creation, edits, deletion and restores, its memos, pins and star),
 * oldest first. A coding the reader may not see is NOT_FOUND, deleted or not.
 */
export async function getCodingHistory(projectId: string, viewer: Viewer, codingId: string): Promise<HistoryItem[]> {
  const coding = await db().coding.findFirst({ where: { id: codingId, projectId }, select: { documentId: true, coderId: true } });
  if (coding) {
    if (!maySee(await visibleCoderIds(projectId, coding.documentId, viewer), coding.coderId)) throw notFound("That coding");
  }
  const rule = await blindRule(projectId, viewer);
  const rows = await queryEvents(projectId, { codingId, limit: 200 }, rule);
  if (!coding && !rows.some((r) => r.entity === "Coding")) throw notFound("That coding");
  return describeAll(projectId, rows.reverse(), rule, viewer.role === "owner");
}

/** An event as the reader may see it, or NOT_FOUND (another project's, hidden by blind coding, or none). */
export async function findVisibleEvent(projectId: string, viewer: Viewer, eventId: bigint): Promise<EventRow> {
  const [row] = await queryEvents(projectId, { eventId, limit: 1 }, await blindRule(projectId, viewer));
  if (!row) throw notFound("That history entry");
  return row;
}

/** Codes offered in the code filter: a 10,000-code codebook would make every history page megabytes of options. */
export const CODE_OPTIONS_MAX = 1000;

/**
 * The choices of the history page's filters. Everyone on the team is listed, as on the project
 * page; codes up to CODE_OPTIONS_MAX by name, and the chosen one always.
 */
export async function getHistoryOptions(projectId: string, chosenCodeId?: string) {
  const [project, members, documents, codes] = await Promise.all([
    db().project.findUnique({ where: { id: projectId }, select: { name: true } }),
    db().membership.findMany({ where: { projectId }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } }),
    db().document.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true } }),
    db().code.findMany({ where: { projectId, deletedAt: null }, orderBy: { name: "asc" }, take: CODE_OPTIONS_MAX + 1, select: { id: true, name: true } }),
  ]);
  const shown = codes.slice(0, CODE_OPTIONS_MAX);
  if (chosenCodeId && !shown.some((c) => c.id === chosenCodeId)) {
    const chosen = await db().code.findFirst({ where: { id: chosenCodeId, projectId }, select: { id: true, name: true } });
    if (chosen) shown.push(chosen);
  }
  return { projectName: project?.name ?? "", people: members.map((m) => m.user), documents, codes: shown, codesCapped: codes.length > CODE_OPTIONS_MAX };
}

async function describeAll(projectId: string, rows: EventRow[], rule: BlindRule, owner: boolean): Promise<HistoryItem[]> {
  const blindSafe = rule ? rows.map((row) => hideMemos(redactForBlind(row), rule)) : rows;
  // Members' e-mail addresses (invitations, placeholder accounts) are for owners, as on the members list.
  const visible = owner ? blindSafe : blindSafe.map(withoutAddresses);
  const names = await namesFor(projectId, visible);
  const items = visible.map((row) => describeEvent(row, names));
  await markRestorable(projectId, visible, items);
  return items;
}

/** A deleted coding's snapshot lists its memos; under blind coding only those of authors the reader may read stay. */
function hideMemos(row: EventRow, rule: NonNullable<BlindRule>): EventRow {
  const before = row.before as { memos?: { authorId?: string }[] } | null;
  if (row.entity !== "Coding" || !Array.isArray(before?.memos)) return row;
  const memos = before.memos.filter((m) => m.authorId === rule.me || rule.ownerIds.includes(m.authorId ?? ""));
  return { ...row, before: { ...(row.before as Prisma.JsonObject), memos } as Prisma.JsonValue };
}

async function namesFor(projectId: string, rows: EventRow[]): Promise<Names> {
  const ids = [...referencedIds(rows)];
  const [codes, documents, users, cases] = await Promise.all([
    db().code.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, name: true } }),
    db().document.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, title: true } }),
    db().user.findMany({ where: { id: { in: ids }, memberships: { some: { projectId } } }, select: { id: true, name: true } }),
    db().case.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, name: true } }),
  ]);
  return {
    codes: new Map(codes.map((c) => [c.id, c.name])),
    documents: new Map(documents.map((d) => [d.id, d.title])),
    users: new Map(users.map((u) => [u.id, u.name])),
    cases: new Map(cases.map((c) => [c.id, c.name])),
  };
}

/**
 * A deletion offers Restore only while it is the row's latest event and the row is still gone
 * (a code: still deleted); anything else would bring back an older state over a newer one.
 */
async function markRestorable(projectId: string, rows: EventRow[], items: HistoryItem[]) {
  const deletions = rows.filter((_, i) => items[i]!.restore);
  if (deletions.length === 0) return;
  const entityIds = deletions.map((r) => r.entityId);
  const [latest, codings, memos, codes] = await Promise.all([
    db().auditEvent.groupBy({ by: ["entity", "entityId"], where: { projectId, entityId: { in: entityIds }, entity: { in: ["Coding", "Memo", "Code"] } }, _max: { id: true } }),
    db().coding.findMany({ where: { id: { in: entityIds } }, select: { id: true } }),
    db().memo.findMany({ where: { id: { in: entityIds } }, select: { id: true } }),
    db().code.findMany({ where: { id: { in: entityIds }, projectId, deletedAt: null }, select: { id: true } }),
  ]);
  const latestOf = new Map(latest.map((l) => [`${l.entity}:${l.entityId}`, l._max.id]));
  const present = new Set([...codings, ...memos, ...codes].map((r) => r.id));
  rows.forEach((row, i) => {
    const item = items[i]!;
    if (!item.restore) return;
    if (latestOf.get(`${row.entity}:${row.entityId}`) !== row.id || present.has(row.entityId)) item.restore = null;
  });
}
