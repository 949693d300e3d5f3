import { describe, expect, it } from "vitest";
import { FIND_LIMIT, findInText, stepHit } from "../../../lib/transcripts/find";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";

describe("findInText", () => {
  it("finds every occurrence ignoring case, as code-point offsets that slice back to the hit", () => {
    const text = "🙂 TensorFlow on AWS. tensorflow again, and TENSORFLOW 😀 once more.";
    const { hits, more } = findInText(text, "tensorflow");
    expect(more).toBe(false);
    expect(hits).toHaveLength(3);
    for (const hit of hits) expect(sliceByCodePoints(text, hit.start, hit.end).toLowerCase()).toBe("tensorflow");
    // The emoji before counts one code point (two UTF-16 units).
    expect(hits[0]).toEqual({ start: 2, end: 12 });
  });

  it("matches a phrase across any whitespace, treats the query literally, and finds nothing for blanks", () => {
    expect(findInText("the ward\nis quiet", "ward is").hits).toEqual([{ start: 4, end: 11 }]);
    expect(findInText("costs (a lot) vs costs a lot", "(a lot)").hits).toEqual([{ start: 6, end: 13 }]);
    expect(findInText("Zoë and ZOË", "zoë").hits).toHaveLength(2);
    expect(findInText("anything", "   ").hits).toEqual([]);
  });

  it("stops at the limit and says there are more", () => {
    const { hits, more } = findInText("a ".repeat(FIND_LIMIT + 5), "a");
    expect(hits).toHaveLength(FIND_LIMIT);
    expect(more).toBe(true);
  });
});

describe("stepHit", () => {
  it("starts at the first or last hit and wraps around both ways", () => {
    expect(stepHit(-1, 1, 3)).toBe(0);
    expect(stepHit(-1, -1, 3)).toBe(2);
    expect(stepHit(2, 1, 3)).toBe(0);
    expect(stepHit(0, -1, 3)).toBe(2);
    expect(stepHit(0, 1, 0)).toBe(-1);
  });
});
