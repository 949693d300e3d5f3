import { assertUniqueIds, compareCodings } from "./order";
import type { Span, SpanWithId } from "./types";

/**
 * Splits text into the maximal runs over which the set of covering codings is constant,
 * the units the transcript renders as one highlighted <span> each. Uncovered runs are
 * included, so the segments of a range tile it exactly.
 *
 * A sweep over the sorted coding bounds: O(k log k) for k codings, plus the output (a
 * segment lists its codings, so deeply stacked codings cost what they must to draw).
 * Text length does not enter: a segment is a pair of offsets, never a copy of the text.
 */

export type Segment = Span & {
  /** Covering codings, in compareCodings order of their unclipped bounds (as lanes use). */
  codingIds: string[];
};

/**
 * The segments of [range.start, range.end) (default: the whole text). Codings reaching
 * outside the range are clipped to it; empty or inverted spans (which the database refuses)
 * cover nothing.
 */
export function segmentCodings(textLength: number, codings: readonly SpanWithId[], range?: Span): Segment[] {
  const { start, end } = range ?? { start: 0, end: textLength };
  assertRange(textLength, start, end);
  return sweep(start, end, prepare(codings, start, end), []);
}

/**
 * The segments of several ranges at once, typically one per speaker turn, in one sweep
 * instead of one pass over all codings per turn. Returns one list per range, in the order
 * given; ranges may be in any order and may overlap.
 */
export function segmentRanges(textLength: number, codings: readonly SpanWithId[], ranges: readonly Span[]): Segment[][] {
  for (const r of ranges) assertRange(textLength, r.start, r.end);
  if (ranges.length === 0) return [];
  const from = ranges.reduce((min, r) => Math.min(min, r.start), textLength);
  const to = ranges.reduce((max, r) => Math.max(max, r.end), 0);
  const cuts = [...new Set(ranges.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const all = sweep(from, to, prepare(codings, from, to), cuts);
  const starts = all.map((s) => s.start);
  return ranges.map((r) => {
    const out: Segment[] = [];
    for (let i = firstAtOrAfter(starts, r.start); i < all.length && all[i].end <= r.end; i++) {
      const last = out[out.length - 1];
      // A cut made for another, overlapping range does not change the coverage here.
      if (last && sameIds(last.codingIds, all[i].codingIds)) out[out.length - 1] = { ...last, end: all[i].end };
      else out.push(all[i]);
    }
    return out;
  });
}

function assertRange(textLength: number, start: number, end: number): void {
  if (!Number.isInteger(textLength) || textLength < 0) throw new RangeError(`text length ${textLength} is not a whole number >= 0`);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > textLength) {
    throw new RangeError(`range [${start}, ${end}) is not inside the text (${textLength} characters)`);
  }
}

// Keeps the codings that cover part of [from, to), sorted by their real bounds (so their
// order does not depend on the range asked for), then clips them: index in result = rank.
function prepare(codings: readonly SpanWithId[], from: number, to: number): SpanWithId[] {
  assertUniqueIds(codings);
  return codings
    .filter((c) => Math.max(c.start, from) < Math.min(c.end, to))
    .sort(compareCodings)
    .map((c) => ({ id: c.id, start: Math.max(c.start, from), end: Math.min(c.end, to) }));
}

// `sorted` is clipped to [from, to) and ranked; `cuts` (ascending) are extra
// boundaries that split segments without changing coverage.
function sweep(from: number, to: number, sorted: SpanWithId[], cuts: number[]): Segment[] {
  const byEnd = sorted.map((_, rank) => rank).sort((a, b) => sorted[a].end - sorted[b].end);
  // Ranks of the covering codings, kept sorted so each segment's list is one copy. Ended
  // codings are flagged and filtered out in one pass per boundary, which costs no more than
  // the segment list just written: O(output) in all, even for a thousand identical spans.
  let active: number[] = [];
  const ended = new Uint8Array(sorted.length);
  const segments: Segment[] = [];
  let nextStart = 0;
  let nextEnd = 0;
  let nextCut = 0;
  let pos = from;
  while (pos < to) {
    if (nextEnd < byEnd.length && sorted[byEnd[nextEnd]].end === pos) {
      while (nextEnd < byEnd.length && sorted[byEnd[nextEnd]].end === pos) ended[byEnd[nextEnd++]] = 1;
      active = active.filter((rank) => !ended[rank]);
    }
    // Ranks follow start order, so a coding starting here outranks every active one.
    while (nextStart < sorted.length && sorted[nextStart].start === pos) active.push(nextStart++);
    while (nextCut < cuts.length && cuts[nextCut] <= pos) nextCut++;
    const end = Math.min(
      to,
      nextStart < sorted.length ? sorted[nextStart].start : to,
      nextEnd < byEnd.length ? sorted[byEnd[nextEnd]].end : to,
      nextCut < cuts.length ? cuts[nextCut] : to,
    );
    segments.push({ start: pos, end, codingIds: active.map((rank) => sorted[rank].id) });
    pos = end;
  }
  return segments;
}

function firstAtOrAfter(sortedValues: number[], value: number): number {
  let lo = 0;
  let hi = sortedValues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedValues[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
