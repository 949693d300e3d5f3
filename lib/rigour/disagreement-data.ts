import { pageWindow } from "../analysis/paging";
import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import type { AdjudicationKind } from "../db/generated/enums";
import { AppError } from "../errors";
import { codePointIndex } from "../transcripts/offsets";
import { listComparableCoders, documentsInScope } from "./agreement";
import { type Viewer, documentVisibility, seesAll } from "./blind";
import { type Disagreement, type SpanCoding, findDisagreements } from "./disagreements";
import { mayUseScope } from "./permissions";
import type { DisagreementQuery } from "./schema";
import { documentSegments } from "./segments";

/**
 * The disagreements page's data: two analysts' passages that differ (disagreements.ts) in the
 * documents of the scope that blind mode lets the reader see with both analysts' codings,
 * each with an excerpt of the text around it and the live decision on it, if any.
 */

export const PAGE_SIZE = 25;
/** Characters of text shown around a passage, within its speaker turn or paragraph. */
const CONTEXT = 240;

export type DisagreementStatus = "open" | "decided" | "all";

export type DecisionSummary = {
  id: string;
  kind: AdjudicationKind;
  reason: string;
  createdAt: Date;
  decidedBy: string;
  /** The decision named codings of which some are gone or new ones joined the passage since. */
  stale: boolean;
};

export type DisagreementView = Disagreement & {
  documentTitle: string;
  excerpt: { start: number; end: number; text: string; atEnd: boolean };
  decision: DecisionSummary | null;
};

export async function getDisagreements(projectId: string, query: Omit<DisagreementQuery, "projectId">, viewer: Viewer, options: { status?: DisagreementStatus; page?: number } = {}) {
  if (!mayUseScope(viewer.role, query.scope)) throw new AppError("FORBIDDEN", "Only a project owner can list disagreements in documents not marked done.");
  const comparable = await listComparableCoders(projectId, viewer);
  const names = new Map(comparable.map((c) => [c.id, c.name]));
  if (query.coderIds.some((id) => !names.has(id))) throw new AppError("NOT_FOUND", "That analyst was not found in this project.");
  const coderIds = [...query.coderIds];

  const [visibility, scoped, rawCodes] = await Promise.all([
    documentVisibility(projectId, viewer),
    documentsInScope(projectId, coderIds, query.scope),
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, colour: true, position: true } }),
  ]);
  const visible = scoped.filter((id) => seesAll(visibility.get(id) ?? [], coderIds));
  const codes = flattenCodeTree(rawCodes).map((c) => ({ id: c.id, name: c.name, colour: c.colour, depth: c.depth }));
  const documents = await db().document.findMany({
    where: { id: { in: visible } },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true },
  });
  const inView = query.documentId ? documents.filter((d) => d.id === query.documentId) : documents;

  const codings: SpanCoding[] = await db().coding.findMany({
    where: { projectId, documentId: { in: inView.map((d) => d.id) }, coderId: { in: coderIds }, code: { deletedAt: null } },
    select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true },
  });
  let items = findDisagreements(codings, [coderIds[0], coderIds[1]], {
    tolerance: query.tolerance,
    documentOrder: inView.map((d) => d.id),
    codeOrder: codes.map((c) => c.id),
  });
  if (query.codeId) items = items.filter((d) => d.codeId === query.codeId);

  const decisions = await db().adjudicationDecision.findMany({
    where: { projectId, documentId: { in: inView.map((d) => d.id) }, undoneAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, documentId: true, codeId: true, kind: true, reason: true, createdAt: true, sourceCodingIds: true, decidedBy: { select: { name: true } } },
  });
  // Grouped by interview and code, newest first, so matching thousands of disagreements is not disagreements x decisions.
  const byPlace = new Map<string, typeof decisions>();
  for (const d of decisions) (byPlace.get(`${d.documentId} ${d.codeId}`) ?? byPlace.set(`${d.documentId} ${d.codeId}`, []).get(`${d.documentId} ${d.codeId}`)!).push(d);
  const decided = items.map((item) => ({ item, decision: decisionFor(item, byPlace.get(`${item.documentId} ${item.codeId}`) ?? []) }));
  const counts = { open: decided.filter((d) => !d.decision).length, decided: decided.filter((d) => d.decision).length };
  const status = options.status ?? "all";
  const filtered = decided.filter((d) => status === "all" || (status === "open") === (d.decision === null));
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const shown = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const excerpts = await excerptsFor(shown.map((s) => s.item));
  const views: DisagreementView[] = shown.map(({ item, decision }) => ({ ...item, documentTitle: titles.get(item.documentId)!, excerpt: excerpts.get(item.key)!, decision }));

  return {
    coders: coderIds.map((id) => ({ id, name: names.get(id)! })),
    codes,
    documents,
    hiddenByBlindMode: scoped.length - visible.length,
    counts,
    status,
    page,
    pages,
    total: filtered.length,
    items: views,
  };
}

export type DisagreementList = Awaited<ReturnType<typeof getDisagreements>>;

function decisionFor(item: Disagreement, decisions: { id: string; documentId: string; codeId: string; kind: AdjudicationKind; reason: string; createdAt: Date; sourceCodingIds: string[]; decidedBy: { name: string } }[]): DecisionSummary | null {
  const ids = new Set([...item.a, ...item.b].map((c) => c.id));
  const match = decisions.find((d) => d.documentId === item.documentId && d.codeId === item.codeId && d.sourceCodingIds.some((id) => ids.has(id)));
  if (!match) return null;
  const stale = match.sourceCodingIds.length !== ids.size || match.sourceCodingIds.some((id) => !ids.has(id));
  return { id: match.id, kind: match.kind, reason: match.reason, createdAt: match.createdAt, decidedBy: match.decidedBy.name, stale };
}

/** The text around each passage: up to CONTEXT characters either side, within its turn or paragraph. */
async function excerptsFor(items: Disagreement[]): Promise<Map<string, DisagreementView["excerpt"]>> {
  const ids = [...new Set(items.map((i) => i.documentId))];
  const documents = await db().document.findMany({
    where: { id: { in: ids } },
    select: { id: true, text: true, textLength: true, turns: { orderBy: { index: "asc" }, select: { start: true, end: true } } },
  });
  const out = new Map<string, DisagreementView["excerpt"]>();
  for (const d of documents) {
    const { segments } = documentSegments(d.text, d.textLength, d.turns);
    const index = codePointIndex(d.text);
    for (const item of items.filter((i) => i.documentId === d.id)) {
      const from = segments.filter((s) => s.start <= item.start && item.start < s.end)[0]?.start ?? 0;
      const to = segments.filter((s) => s.start < item.end && item.end <= s.end)[0]?.end ?? d.textLength;
      let start = Math.min(item.start, Math.max(from, item.start - CONTEXT));
      let end = Math.max(item.end, Math.min(to, item.end + CONTEXT));
      start = snapBack(d.text, index, start, item.start);
      end = snapForward(d.text, index, end, item.end);
      out.set(item.key, { start, end, text: d.text.slice(index.toUtf16(start), index.toUtf16(end)), atEnd: end === d.textLength });
    }
  }
  return out;
}

// Widen or narrow the context to a word boundary, never into the passage itself.
function snapBack(text: string, index: ReturnType<typeof codePointIndex>, at: number, limit: number): number {
  let p = at;
  while (p > 0 && p < limit && !/\s/u.test(text[index.toUtf16(p) - 1] ?? " ")) p++;
  return p;
}

function snapForward(text: string, index: ReturnType<typeof codePointIndex>, at: number, limit: number): number {
  let p = at;
  while (p > limit && !/\s/u.test(text[index.toUtf16(p)] ?? " ")) p--;
  return p;
}

export const LOG_PAGE_SIZE = 50;

/**
 * The decisions, live and undone, newest first, a page at a time, in documents the reader
 * sees with everyone's codings (a long adjudication reaches thousands).
 */
export async function getDecisionLog(projectId: string, viewer: Viewer, options: { page?: number; size?: number } = {}) {
  const size = options.size ?? LOG_PAGE_SIZE;
  const visibility = await documentVisibility(projectId, viewer);
  const open = [...visibility].filter(([, v]) => v === "all").map(([id]) => id);
  const where = { projectId, documentId: { in: open } };
  const total = await db().adjudicationDecision.count({ where });
  const window = pageWindow(total, options.page ?? 1, size);
  const entries = await db().adjudicationDecision.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (window.page - 1) * size,
    take: size,
    select: {
      id: true,
      kind: true,
      reason: true,
      createdAt: true,
      undoneAt: true,
      document: { select: { id: true, title: true } },
      code: { select: { id: true, name: true, colour: true } },
      decidedBy: { select: { name: true } },
      undoneBy: { select: { name: true } },
      consensus: { orderBy: { start: "asc" }, select: { id: true, start: true, end: true, quote: true } },
    },
  });
  return { entries, window: { ...window, to: window.from === 0 ? 0 : window.from - 1 + entries.length } };
}
