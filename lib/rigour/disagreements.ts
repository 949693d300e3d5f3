/**
 * Where two analysts differ, passage by passage, for one code at a time (adjudication
 * decides per code: AdjudicationDecision has one codeId). Pure: codings in, passages out.
 *
 * For each document and code, A's and B's spans are grouped into passages: spans that
 * overlap (by at least one character, directly or through a chain of overlaps) form one
 * passage. A passage is a disagreement when
 *   - only one analyst coded it ("only-a" / "only-b"), or "different-codes" when the other
 *     analyst applied some other code to overlapping text there (and the first analyst did
 *     not apply that code there);
 *   - both coded it but their boundaries differ by more than `tolerance` characters: the
 *     longest stretch of text inside the passage that one analyst covered and the other did
 *     not ("boundaries"). Measuring the longest stretch, not just the starts and ends, also
 *     catches a gap one analyst left in the middle.
 * Offsets are code points, [start, end).
 */

export type SpanCoding = { id: string; documentId: string; codeId: string; coderId: string; start: number; end: number };
export type DisagreementKind = "only-a" | "only-b" | "different-codes" | "boundaries";

export type Disagreement = {
  /** Stable while the codings are: the document, the code and the codings' ids. */
  key: string;
  documentId: string;
  codeId: string;
  kind: DisagreementKind;
  /** The passage: from the first start to the last end of its spans. */
  start: number;
  end: number;
  a: SpanCoding[];
  b: SpanCoding[];
  /** For "different-codes": the other codes applied to overlapping text, by whom. */
  otherCodes: { codeId: string; coder: "a" | "b" }[];
  /** Longest stretch (characters) covered by one analyst and not the other. */
  largestDifference: number;
};

type Interval = { start: number; end: number };

export function findDisagreements(
  codings: ReadonlyArray<SpanCoding>,
  coders: readonly [string, string],
  options: { tolerance: number; documentOrder?: ReadonlyArray<string>; codeOrder?: ReadonlyArray<string> },
): Disagreement[] {
  const [coderA, coderB] = coders;
  const groups = new Map<string, SpanCoding[]>();
  const byDocument = new Map<string, SpanCoding[]>();
  for (const c of codings) {
    if (c.coderId !== coderA && c.coderId !== coderB) continue;
    const key = `${c.documentId}\u0000${c.codeId}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
    (byDocument.get(c.documentId) ?? byDocument.set(c.documentId, []).get(c.documentId)!).push(c);
  }

  const found: Disagreement[] = [];
  for (const list of groups.values()) {
    for (const passage of passages(list)) {
      const a = passage.filter((c) => c.coderId === coderA);
      const b = passage.filter((c) => c.coderId === coderB);
      const { documentId, codeId } = passage[0];
      const start = Math.min(...passage.map((c) => c.start));
      const end = Math.max(...passage.map((c) => c.end));
      const base = { key: disagreementKey(documentId, codeId, passage), documentId, codeId, start, end, a: sortSpans(a), b: sortSpans(b) };
      if (a.length > 0 && b.length > 0) {
        const largestDifference = longestDifference(a, b);
        if (largestDifference > options.tolerance) found.push({ ...base, kind: "boundaries", otherCodes: [], largestDifference });
        continue;
      }
      const coder = a.length > 0 ? "a" : "b";
      const present = a.length > 0 ? coderA : coderB;
      const other = a.length > 0 ? coderB : coderA;
      const around = byDocument.get(documentId)!.filter((c) => c.codeId !== codeId && c.start < end && start < c.end);
      const mine = new Set(around.filter((c) => c.coderId === present).map((c) => c.codeId));
      const otherCodes = [...new Set(around.filter((c) => c.coderId === other && !mine.has(c.codeId)).map((c) => c.codeId))].map((id) => ({
        codeId: id,
        coder: coder === "a" ? ("b" as const) : ("a" as const),
      }));
      found.push({
        ...base,
        kind: otherCodes.length > 0 ? "different-codes" : coder === "a" ? "only-a" : "only-b",
        otherCodes,
        largestDifference: coverage(passage).reduce((n, i) => n + i.end - i.start, 0),
      });
    }
  }

  const docRank = rank(options.documentOrder);
  const codeRank = rank(options.codeOrder);
  return found.sort(
    (x, y) => docRank(x.documentId) - docRank(y.documentId) || x.documentId.localeCompare(y.documentId) || x.start - y.start || codeRank(x.codeId) - codeRank(y.codeId) || x.end - y.end,
  );
}

/** Groups one document's and code's spans into passages of transitively overlapping spans. */
function passages(list: SpanCoding[]): SpanCoding[][] {
  const sorted = [...list].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: SpanCoding[][] = [];
  let end = -1;
  for (const c of sorted) {
    if (out.length > 0 && c.start < end) {
      out[out.length - 1].push(c);
      end = Math.max(end, c.end);
    } else {
      out.push([c]);
      end = c.end;
    }
  }
  return out;
}

/** The union of spans as sorted, disjoint intervals (touching spans stay apart: harmless here). */
export function coverage(spans: ReadonlyArray<Interval>): Interval[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: Interval[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The longest run of characters covered by exactly one of the two span sets. */
export function longestDifference(a: ReadonlyArray<Interval>, b: ReadonlyArray<Interval>): number {
  const points = new Set<number>();
  const ca = coverage(a);
  const cb = coverage(b);
  for (const i of [...ca, ...cb]) points.add(i.start).add(i.end);
  const cuts = [...points].sort((x, y) => x - y);
  const inside = (list: Interval[], at: number) => list.some((i) => i.start <= at && at < i.end);
  let longest = 0;
  let run = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    // Coverage is constant between consecutive cuts.
    const differs = inside(ca, cuts[k]) !== inside(cb, cuts[k]);
    run = differs ? run + (cuts[k + 1] - cuts[k]) : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

export function disagreementKey(documentId: string, codeId: string, codings: ReadonlyArray<{ id: string }>): string {
  return [documentId, codeId, ...codings.map((c) => c.id).sort()].join(":");
}

function sortSpans(list: SpanCoding[]): SpanCoding[] {
  return [...list].sort((x, y) => x.start - y.start || x.end - y.end);
}

function rank(order: ReadonlyArray<string> | undefined): (id: string) => number {
  const index = new Map((order ?? []).map((id, i) => [id, i]));
  return (id) => index.get(id) ?? Number.MAX_SAFE_INTEGER;
}
