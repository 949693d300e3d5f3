import { describe, expect, it } from "vitest";
import { compareCodings } from "../../../lib/codings/spans/order";
import { type Segment, segmentCodings, segmentRanges } from "../../../lib/codings/spans/segments";
import type { Span, SpanWithId } from "../../../lib/codings/spans/types";
import { randomCodings, randomInt, seeded, shuffled } from "./random";

// The covering codings of each position, computed the slow, obvious way.
function bruteForce(codings: SpanWithId[], from: number, to: number): string[][] {
  const covering: string[][] = [];
  for (let p = from; p < to; p++) {
    const here = codings.filter((c) => c.start < c.end && Math.max(c.start, from) <= p && p < Math.min(c.end, to)).sort(compareCodings);
    covering.push(here.map((c) => c.id));
  }
  return covering;
}

function expectTiles(segments: Segment[], codings: SpanWithId[], { start: from, end: to }: Span): void {
  // Cover the range exactly once, in order, with no empty segment.
  let pos = from;
  for (const s of segments) {
    expect(s.start).toBe(pos);
    expect(s.end).toBeGreaterThan(s.start);
    pos = s.end;
  }
  expect(pos).toBe(to);
  // Boundaries are exactly the coding bounds strictly inside the range.
  const inner = new Set(codings.filter((c) => c.start < c.end).flatMap((c) => [c.start, c.end]).filter((b) => b > from && b < to));
  expect(segments.slice(1).map((s) => s.start)).toEqual([...inner].sort((a, b) => a - b));
  // Every position is covered by exactly the codings the brute force finds, in order.
  const perPosition = segments.flatMap((s) => Array.from({ length: s.end - s.start }, () => s.codingIds));
  expect(perPosition).toEqual(bruteForce(codings, from, to));
}

describe("segmentCodings", () => {
  it("splits overlapping, nested and identical codings into maximal runs", () => {
    const codings = [
      { id: "a", start: 2, end: 8 },
      { id: "b", start: 5, end: 12 },
      { id: "c", start: 6, end: 7 },
      { id: "d", start: 5, end: 12 },
    ];
    expect(segmentCodings(15, codings)).toEqual([
      { start: 0, end: 2, codingIds: [] },
      { start: 2, end: 5, codingIds: ["a"] },
      { start: 5, end: 6, codingIds: ["a", "b", "d"] },
      { start: 6, end: 7, codingIds: ["a", "b", "d", "c"] },
      { start: 7, end: 8, codingIds: ["a", "b", "d"] },
      { start: 8, end: 12, codingIds: ["b", "d"] },
      { start: 12, end: 15, codingIds: [] },
    ]);
  });

  it("gives one uncovered segment without codings, and none for an empty range", () => {
    expect(segmentCodings(10, [])).toEqual([{ start: 0, end: 10, codingIds: [] }]);
    expect(segmentCodings(10, [{ id: "a", start: 1, end: 3 }], { start: 4, end: 4 })).toEqual([]);
    expect(segmentCodings(0, [])).toEqual([]);
  });

  it("keeps touching codings apart: [0,5) and [5,9) share no character", () => {
    expect(segmentCodings(9, [{ id: "a", start: 0, end: 5 }, { id: "b", start: 5, end: 9 }]).map((s) => s.codingIds)).toEqual([["a"], ["b"]]);
  });

  it("clips codings crossing the range (one speaker turn)", () => {
    const codings = [
      { id: "before", start: 0, end: 3 },
      { id: "across-start", start: 2, end: 12 },
      { id: "across-both", start: 1, end: 40 },
      { id: "after", start: 20, end: 30 },
    ];
    expect(segmentCodings(40, codings, { start: 10, end: 20 })).toEqual([
      { start: 10, end: 12, codingIds: ["across-both", "across-start"] }, // ordered by real start: 1 < 2
      { start: 12, end: 20, codingIds: ["across-both"] },
    ]);
  });

  it("ignores empty and inverted spans, and refuses duplicate ids and ranges outside the text", () => {
    expect(segmentCodings(5, [{ id: "e", start: 2, end: 2 }, { id: "i", start: 4, end: 1 }])).toEqual([{ start: 0, end: 5, codingIds: [] }]);
    expect(() => segmentCodings(5, [{ id: "a", start: 0, end: 1 }, { id: "a", start: 2, end: 3 }])).toThrow(/twice/);
    expect(() => segmentCodings(5, [], { start: 3, end: 6 })).toThrow(RangeError);
    expect(() => segmentCodings(5, [], { start: 3, end: 2 })).toThrow(RangeError);
  });

  it("matches a brute-force computation on random codings and ranges", () => {
    const random = seeded(20240611);
    for (let round = 0; round < 300; round++) {
      const length = randomInt(random, 1, 80);
      const codings = randomCodings(random, length, randomInt(random, 0, 25));
      const start = randomInt(random, 0, length);
      const range = round % 3 === 0 ? { start: 0, end: length } : { start, end: randomInt(random, start, length) };
      expectTiles(segmentCodings(length, codings, range), codings, range);
    }
  });

  it("does not depend on the order codings arrive in", () => {
    const random = seeded(7);
    for (let round = 0; round < 50; round++) {
      const codings = randomCodings(random, 60, 20);
      expect(segmentCodings(60, shuffled(random, codings))).toEqual(segmentCodings(60, codings));
    }
  });
});

describe("segmentRanges", () => {
  it("segments each speaker turn as segmentCodings would, in one sweep", () => {
    const random = seeded(99);
    for (let round = 0; round < 100; round++) {
      const length = randomInt(random, 5, 120);
      const codings = randomCodings(random, length, randomInt(random, 0, 30));
      // Turns with gaps for the speaker labels, and (sometimes) overlapping ranges given out of order.
      const ranges: Span[] = [];
      for (let i = 0; i < 5; i++) {
        const start = randomInt(random, 0, length);
        ranges.push({ start, end: randomInt(random, start, length) });
      }
      const perRange = segmentRanges(length, codings, ranges);
      expect(perRange).toHaveLength(ranges.length);
      ranges.forEach((range, i) => expect(perRange[i]).toEqual(segmentCodings(length, codings, range)));
    }
  });

  it("returns nothing for no ranges", () => {
    expect(segmentRanges(10, [{ id: "a", start: 0, end: 3 }], [])).toEqual([]);
  });
});
