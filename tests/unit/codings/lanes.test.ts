import { describe, expect, it } from "vitest";
import { assignLanes, assignLanesByRange } from "../../../lib/codings/spans/lanes";
import type { Span, SpanWithId } from "../../../lib/codings/spans/types";
import { randomCodings, randomInt, seeded, shuffled } from "./random";

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

// The most codings covering any one character: no layout can use fewer lanes.
function maxDepth(codings: SpanWithId[]): number {
  let depth = 0;
  for (const c of codings) if (c.start < c.end) depth = Math.max(depth, codings.filter((d) => d.start < d.end && d.start <= c.start && c.start < d.end).length);
  return depth;
}

function expectValid(codings: SpanWithId[], { laneOf, laneCount }: ReturnType<typeof assignLanes>): void {
  const drawn = codings.filter((c) => c.start < c.end);
  expect(laneOf.size).toBe(drawn.length);
  const problems: string[] = [];
  for (const a of drawn) {
    const lane = laneOf.get(a.id)!;
    if (!(lane >= 0 && lane < laneCount)) problems.push(`${a.id} in lane ${lane} of ${laneCount}`);
    for (const b of drawn) if (a !== b && overlaps(a, b) && lane === laneOf.get(b.id)) problems.push(`${a.id} and ${b.id} share lane ${lane}`);
  }
  expect(problems).toEqual([]);
  expect(laneCount).toBe(maxDepth(drawn));
}

describe("assignLanes", () => {
  it("puts enclosing codings left of nested ones and reuses freed lanes", () => {
    const { laneOf, laneCount } = assignLanes([
      { id: "inner", start: 3, end: 5 },
      { id: "outer", start: 0, end: 10 },
      { id: "later", start: 12, end: 20 },
      { id: "touching", start: 10, end: 11 },
      { id: "same-as-inner", start: 3, end: 5 },
    ]);
    expect(Object.fromEntries(laneOf)).toEqual({ outer: 0, inner: 1, "same-as-inner": 2, touching: 0, later: 0 });
    expect(laneCount).toBe(3);
  });

  it("gives no lanes to no codings and skips empty spans", () => {
    expect(assignLanes([])).toEqual({ laneOf: new Map(), laneCount: 0 });
    expect(assignLanes([{ id: "e", start: 4, end: 4 }]).laneCount).toBe(0);
  });

  it("never shares a lane between overlapping codings and uses the fewest lanes possible", () => {
    const random = seeded(42);
    for (let round = 0; round < 300; round++) {
      const codings = randomCodings(random, randomInt(random, 1, 60), randomInt(random, 0, 30));
      expectValid(codings, assignLanes(codings));
    }
  });

  it("is stable: the same codings in any order get the same lanes", () => {
    const random = seeded(3);
    for (let round = 0; round < 50; round++) {
      const codings = randomCodings(random, 50, 25);
      expect(assignLanes(shuffled(random, codings))).toEqual(assignLanes(codings));
    }
  });

  it("refuses duplicate ids", () => {
    expect(() => assignLanes([{ id: "a", start: 0, end: 1 }, { id: "a", start: 0, end: 1 }])).toThrow(/twice/);
  });
});

describe("assignLanesByRange", () => {
  it("lays out each turn on its own, from the codings clipped to it", () => {
    const codings = [
      { id: "long", start: 0, end: 30 },
      { id: "a", start: 2, end: 5 },
      { id: "b", start: 3, end: 6 },
      { id: "c", start: 22, end: 25 },
    ];
    const [first, second] = assignLanesByRange(codings, [{ start: 0, end: 10 }, { start: 20, end: 30 }]);
    expect(first.laneCount).toBe(3);
    expect(Object.fromEntries(second.laneOf)).toEqual({ long: 0, c: 1 });
    expect(second.laneCount).toBe(2);
  });

  it("agrees with assignLanes on each range's clipped codings, for ranges in any order", () => {
    const random = seeded(8);
    for (let round = 0; round < 100; round++) {
      const length = randomInt(random, 5, 80);
      const codings = randomCodings(random, length, randomInt(random, 0, 25));
      const ranges: Span[] = [];
      for (let i = 0; i < 4; i++) {
        const start = randomInt(random, 0, length);
        ranges.push({ start, end: randomInt(random, start, length) });
      }
      const layouts = assignLanesByRange(codings, ranges);
      ranges.forEach((range, i) => {
        const clipped = codings
          .filter((c) => Math.max(c.start, range.start) < Math.min(c.end, range.end))
          .map((c) => ({ id: c.id, start: Math.max(c.start, range.start), end: Math.min(c.end, range.end) }));
        expect(layouts[i]).toEqual(assignLanes(clipped));
        expectValid(clipped, layouts[i]);
      });
    }
  });
});
