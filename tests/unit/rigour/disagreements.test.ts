import { describe, expect, it } from "vitest";
import { consensusSpans } from "../../../lib/rigour/adjudication";
import { type SpanCoding, findDisagreements, longestDifference } from "../../../lib/rigour/disagreements";

let n = 0;
const c = (coderId: string, codeId: string, start: number, end: number, documentId = "d1"): SpanCoding => ({ id: `c${n++}`, documentId, codeId, coderId, start, end });
const find = (codings: SpanCoding[], tolerance = 10) => findDisagreements(codings, ["ana", "ben"], { tolerance, documentOrder: ["d1", "d2"], codeOrder: ["cost", "trust"] });

describe("finding disagreements", () => {
  it("lists a passage only one analyst coded", () => {
    const found = find([c("ana", "cost", 10, 50), c("ben", "cost", 100, 120)]);
    expect(found.map((d) => [d.kind, d.start, d.end, d.a.length, d.b.length, d.largestDifference])).toEqual([
      ["only-a", 10, 50, 1, 0, 40],
      ["only-b", 100, 120, 0, 1, 20],
    ]);
  });

  it("calls it different codes when the other analyst applied another code to overlapping text", () => {
    const found = find([c("ana", "cost", 10, 50), c("ben", "trust", 15, 55)]);
    expect(found.map((d) => [d.kind, d.codeId, d.otherCodes])).toEqual([
      ["different-codes", "cost", [{ codeId: "trust", coder: "b" }]],
      ["different-codes", "trust", [{ codeId: "cost", coder: "a" }]],
    ]);
  });

  it("does not call it different codes when the first analyst applied that other code too", () => {
    const found = find([c("ana", "cost", 10, 50), c("ana", "trust", 10, 50), c("ben", "trust", 10, 50)]);
    expect(found.map((d) => [d.kind, d.codeId])).toEqual([["only-a", "cost"]]);
  });

  it("counts boundaries as different only beyond the tolerance, measuring the longest stretch one analyst alone covers", () => {
    const close = [c("ana", "cost", 10, 50), c("ben", "cost", 14, 58)];
    expect(find(close, 8)).toEqual([]);
    expect(find(close, 7).map((d) => [d.kind, d.start, d.end, d.largestDifference])).toEqual([["boundaries", 10, 58, 8]]);
    // Same outer bounds, but Ana left a 30-character gap in the middle.
    const gap = [c("ana", "cost", 0, 40), c("ana", "cost", 70, 100), c("ben", "cost", 0, 100)];
    expect(find(gap, 20).map((d) => [d.kind, d.a.length, d.b.length, d.largestDifference])).toEqual([["boundaries", 2, 1, 30]]);
  });

  it("groups chains of overlapping spans into one passage; spans that only touch stay apart", () => {
    const chain = find([c("ana", "cost", 0, 20), c("ben", "cost", 15, 40), c("ana", "cost", 35, 60)], 0);
    expect(chain.map((d) => [d.start, d.end, d.a.length, d.b.length])).toEqual([[0, 60, 2, 1]]);
    const touching = find([c("ana", "cost", 0, 20), c("ben", "cost", 20, 40)], 0);
    expect(touching.map((d) => d.kind)).toEqual(["only-a", "only-b"]);
  });

  it("ignores other analysts, and orders by document, position, then code", () => {
    const found = find([c("cy", "cost", 0, 10), c("ben", "trust", 5, 9, "d2"), c("ana", "trust", 0, 4), c("ana", "cost", 0, 4)]);
    expect(found.map((d) => [d.documentId, d.codeId, d.start])).toEqual([
      ["d1", "cost", 0],
      ["d1", "trust", 0],
      ["d2", "trust", 5],
    ]);
  });

  it("keys a passage by document, code and its codings, whatever their order", () => {
    const a = c("ana", "cost", 0, 30);
    const b = c("ben", "cost", 20, 60);
    expect(find([a, b], 0)[0].key).toBe(find([b, a], 0)[0].key);
  });

  it("measures differences over merged coverage", () => {
    expect(longestDifference([{ start: 0, end: 10 }, { start: 5, end: 20 }], [{ start: 0, end: 20 }])).toBe(0);
    expect(longestDifference([{ start: 0, end: 10 }], [{ start: 20, end: 25 }])).toBe(10);
  });
});

describe("consensus spans of a decision", () => {
  const sources = [
    { coderId: "ana", start: 10, end: 50 },
    { coderId: "ana", start: 10, end: 50 },
    { coderId: "ben", start: 14, end: 60 },
  ];
  it("follow the decision's kind", () => {
    expect(consensusSpans("accept_a", sources, ["ana", "ben"], null)).toEqual([{ start: 10, end: 50 }]);
    expect(consensusSpans("accept_b", sources, ["ana", "ben"], null)).toEqual([{ start: 14, end: 60 }]);
    expect(consensusSpans("accept_both", sources, ["ana", "ben"], null)).toEqual([
      { start: 10, end: 50 },
      { start: 14, end: 60 },
    ]);
    expect(consensusSpans("merge", sources, ["ana", "ben"], null)).toEqual([{ start: 10, end: 60 }]);
    expect(consensusSpans("custom", sources, ["ana", "ben"], { start: 12, end: 40 })).toEqual([{ start: 12, end: 40 }]);
    expect(consensusSpans("reject", sources, ["ana", "ben"], null)).toEqual([]);
    // A passage only Ana coded: accepting Ben's version means "not coded".
    expect(consensusSpans("accept_b", sources.slice(0, 1), ["ana", "ben"], null)).toEqual([]);
  });
});
