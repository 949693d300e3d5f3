import type { CoderSelection } from "./coder-selection";

/**
 * Passages as a coder selection defines them (see coder-selection.ts), in plain TypeScript.
 * lib/analysis/sql.ts computes the same thing in SQL; the database tests hold the two
 * against each other. Offsets are code points, spans are [start, end).
 */

export type Span = { start: number; end: number };

export type CodingRow = Span & { id: string; documentId: string; codeId: string; coderId: string };

export type Passage = Span & { documentId: string; codeId: string; codingIds: string[] };

/** Spans share at least one character. Touching spans ([0,5) and [5,9)) do not. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Merges spans that share a character, transitively, into islands; each island keeps the
 * spans it was made of. Islands come out sorted and pairwise disjoint.
 */
export function mergeSpans<T extends Span>(spans: readonly T[]): (Span & { members: T[] })[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const islands: (Span & { members: T[] })[] = [];
  for (const span of sorted) {
    const last = islands[islands.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.members.push(span);
    } else {
      islands.push({ start: span.start, end: span.end, members: [span] });
    }
  }
  return islands;
}

/** Every non-empty intersection of a span of `a` with a span of `b`. */
export function intersections<A extends Span, B extends Span>(a: readonly A[], b: readonly B[]): { start: number; end: number; left: A; right: B }[] {
  const out: { start: number; end: number; left: A; right: B }[] = [];
  for (const x of a) {
    for (const y of b) {
      if (overlaps(x, y)) out.push({ start: Math.max(x.start, y.start), end: Math.min(x.end, y.end), left: x, right: y });
    }
  }
  return out.sort((p, q) => p.start - q.start || p.end - q.end);
}

/**
 * The passages of the given codings under a selection; callers pass codings of live codes
 * only. Under "consensus" the rows given are the consensus layer's spans (ConsensusCoding of
 * live decisions, any coderId), merged like one analyst's; under the others, analysts' codings.
 */
export function selectPassages(codings: readonly CodingRow[], selection: CoderSelection): Passage[] {
  const groups = new Map<string, CodingRow[]>();
  for (const coding of codings) {
    const key = `${coding.documentId}\u0000${coding.codeId}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(coding);
  }
  const out: Passage[] = [];
  for (const group of groups.values()) {
    const { documentId, codeId } = group[0];
    const ids = (members: CodingRow[]) => members.map((m) => m.id);
    if (selection.kind === "agreed") {
      const [a, b] = selection.coderIds;
      const left = mergeSpans(group.filter((c) => c.coderId === a));
      const right = mergeSpans(group.filter((c) => c.coderId === b));
      for (const cut of intersections(left, right)) {
        // The codings behind an agreed passage: those of both islands that reach into it.
        const behind = [...cut.left.members, ...cut.right.members].filter((m) => overlaps(m, cut));
        out.push({ documentId, codeId, start: cut.start, end: cut.end, codingIds: ids(behind) });
      }
    } else {
      // "any" and "consensus" merge every row given; "coder" one analyst's.
      const chosen = selection.kind === "coder" ? group.filter((c) => c.coderId === selection.coderId) : group;
      for (const island of mergeSpans(chosen)) out.push({ documentId, codeId, start: island.start, end: island.end, codingIds: ids(island.members) });
    }
  }
  return out;
}
