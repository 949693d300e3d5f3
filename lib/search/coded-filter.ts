import { subtrees } from "../analysis/code-tree";
import { db } from "../db/client";
import { notFound } from "../errors";
import { mayRead, type ReadScope } from "../rigour/blind";
import type { Span } from "./regex";
import type { SearchQuery } from "./schema";

/** Whether a hit in a document lies on the chosen codings; built per batch of documents. */
export type CodedTest = (documentId: string, span: Span) => boolean;

/**
 * The "coded / not coded with a code, by an analyst" filter. Only codings the reader may see
 * count (lib/rigour/blind.ts, per document), so under blind coding the filter answers from the
 * reader's own codings and never tells them where a hidden analyst coded. A code includes
 * its sub-codes; a hit is on a coding when they share at least one character. Null when the
 * search has no such filter.
 */
export async function codedFilter(projectId: string, query: SearchQuery, scope: ReadScope): Promise<((documentIds: string[]) => Promise<CodedTest>) | null> {
  if (query.coded === "any") return null;
  let codeIds: string[] | null = null;
  if (query.code) {
    const codes = await db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true } });
    const tree = subtrees(codes).get(query.code);
    if (!tree) throw notFound("That code");
    codeIds = [...tree];
  }
  if (query.analyst) {
    const member = await db().membership.findFirst({ where: { projectId, userId: query.analyst }, select: { userId: true } });
    const coder = member ?? (await db().coding.findFirst({ where: { projectId, coderId: query.analyst }, select: { coderId: true } }));
    if (!coder) throw notFound("That analyst");
  }
  const wanted = query.coded === "yes";
  return async (documentIds) => {
    const codings = await db().coding.findMany({
      where: { projectId, documentId: { in: documentIds }, ...(codeIds ? { codeId: { in: codeIds } } : {}), ...(query.analyst ? { coderId: query.analyst } : {}) },
      select: { documentId: true, coderId: true, start: true, end: true },
    });
    const covered = new Map<string, Span[]>();
    for (const coding of codings) {
      if (!mayRead(scope, coding)) continue;
      const list = covered.get(coding.documentId) ?? [];
      list.push({ start: coding.start, end: coding.end });
      covered.set(coding.documentId, list);
    }
    const unions = new Map([...covered].map(([id, spans]) => [id, union(spans)]));
    return (documentId, span) => overlaps(unions.get(documentId) ?? [], span) === wanted;
  };
}

/** Sorted, disjoint spans covering the same characters. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Whether `span` shares a character with any of the sorted, disjoint `spans` (binary search). */
export function overlaps(spans: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < span.end;
}
