import { MinHeap } from "./min-heap";
import { assertUniqueIds, compareCodings } from "./order";
import type { Span, SpanWithId } from "./types";

/**
 * Margin lanes: the columns beside the transcript where ATLAS.ti and MAXQDA draw one bar
 * per coded span. Codings that share a character never share a lane.
 *
 * Greedy interval colouring: take codings in compareCodings order (by start, longer first)
 * and give each the lowest lane free at its start. For intervals this uses exactly as many
 * lanes as the most codings covering any one character, the least possible, and "lowest
 * free" keeps enclosing codings to the left of the ones nested in them. Two heaps make it
 * O(k log k). Spans are half-open, so a coding ending where another starts frees its lane
 * for it: the bars touch but do not overlap.
 */

export type LaneLayout = {
  /** Lane (0 = nearest the text) of every coding that covers at least one character. */
  laneOf: Map<string, number>;
  laneCount: number;
};

export function assignLanes(codings: readonly SpanWithId[]): LaneLayout {
  assertUniqueIds(codings);
  const sorted = codings.filter((c) => c.start < c.end).sort(compareCodings);
  const free = new MinHeap<number>((a, b) => a < b);
  const busy = new MinHeap<{ end: number; lane: number }>((a, b) => a.end < b.end || (a.end === b.end && a.lane < b.lane));
  const laneOf = new Map<string, number>();
  let laneCount = 0;
  for (const coding of sorted) {
    while (busy.size > 0 && busy.peek()!.end <= coding.start) free.push(busy.pop()!.lane);
    const lane = free.size > 0 ? free.pop()! : laneCount++;
    laneOf.set(coding.id, lane);
    busy.push({ end: coding.end, lane });
  }
  return { laneOf, laneCount };
}

/**
 * Lanes computed separately inside each range (one speaker turn, say), from the codings
 * clipped to it, for a margin drawn beside each turn: a turn with one coding needs one
 * column even when another turn needs six. The price: a coding that crosses turns may sit
 * in a different lane in each. Returns one layout per range, in the order given.
 *
 * Ranges are swept in order of start with the codings sorted once, so each range looks only
 * at the codings that reach it (plus those that just ended), not at all of them.
 */
export function assignLanesByRange(codings: readonly SpanWithId[], ranges: readonly Span[]): LaneLayout[] {
  assertUniqueIds(codings);
  const sorted = codings.filter((c) => c.start < c.end).sort(compareCodings);
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a].start - ranges[b].start || a - b);
  const layouts: LaneLayout[] = new Array(ranges.length);
  let open: SpanWithId[] = [];
  let next = 0;
  for (const i of order) {
    const range = ranges[i];
    while (next < sorted.length && sorted[next].start < range.end) open.push(sorted[next++]);
    // Ranges come by ascending start: a coding ending before this one starts is done for good.
    open = open.filter((c) => c.end > range.start);
    const inside = open
      .filter((c) => c.start < range.end)
      .map((c) => ({ id: c.id, start: Math.max(c.start, range.start), end: Math.min(c.end, range.end) }));
    layouts[i] = assignLanes(inside);
  }
  return layouts;
}
