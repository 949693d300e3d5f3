import { describe, expect, it } from "vitest";
import { type CodingRow, intersections, mergeSpans, overlaps, selectPassages } from "../../../lib/analysis/passages";

const span = (start: number, end: number) => ({ start, end });
let n = 0;
const coding = (coderId: string, start: number, end: number, codeId = "k", documentId = "d"): CodingRow => ({ id: `c${n++}`, documentId, codeId, coderId, start, end });
const spans = (list: { start: number; end: number }[]) => list.map((s) => [s.start, s.end]);

describe("span algebra", () => {
  it("overlap means sharing at least one character; touching is not overlapping", () => {
    expect(overlaps(span(0, 5), span(4, 9))).toBe(true);
    expect(overlaps(span(0, 5), span(5, 9))).toBe(false);
    expect(overlaps(span(2, 3), span(0, 10))).toBe(true);
  });

  it("merges overlapping spans transitively, in any input order, and keeps touching ones apart", () => {
    expect(spans(mergeSpans([span(10, 12), span(0, 5), span(4, 8), span(7, 9), span(12, 14)]))).toEqual([
      [0, 9],
      [10, 12],
      [12, 14],
    ]);
    expect(mergeSpans([span(0, 10), span(2, 3)])[0].members).toHaveLength(2);
    expect(mergeSpans([])).toEqual([]);
  });

  it("intersects two sets of passages pairwise", () => {
    expect(spans(intersections([span(0, 15), span(20, 25)], [span(12, 20), span(25, 30)]))).toEqual([[12, 15]]);
    expect(spans(intersections([span(0, 10)], [span(2, 4), span(6, 8)]))).toEqual([
      [2, 4],
      [6, 8],
    ]);
  });
});

describe("passages under a selection", () => {
  const codings = [coding("a", 0, 10), coding("a", 5, 15), coding("b", 12, 20), coding("a", 20, 25), coding("b", 25, 30), coding("b", 0, 5, "k", "other")];

  it("any analyst: the union of all codings, per code and document", () => {
    const passages = selectPassages(codings, { kind: "any" }).filter((p) => p.documentId === "d");
    expect(spans(passages)).toEqual([
      [0, 20],
      [20, 25],
      [25, 30],
    ]);
    expect(passages[0].codingIds).toHaveLength(3);
  });

  it("one analyst: their codings only, merged", () => {
    expect(spans(selectPassages(codings, { kind: "coder", coderId: "a" }))).toEqual([
      [0, 15],
      [20, 25],
    ]);
  });

  it("agreed: the intersections of both analysts' passages, with the codings that reach into each", () => {
    const [agreed, ...rest] = selectPassages(codings, { kind: "agreed", coderIds: ["a", "b"] });
    expect(rest).toEqual([]);
    expect(spans([agreed])).toEqual([[12, 15]]);
    expect(agreed.codingIds.map((id) => codings.find((c) => c.id === id)!.start)).toEqual([5, 12]);
    // Symmetric, and empty for a code only one analyst used.
    expect(spans(selectPassages(codings, { kind: "agreed", coderIds: ["b", "a"] }))).toEqual([[12, 15]]);
    expect(selectPassages([coding("a", 0, 5)], { kind: "agreed", coderIds: ["a", "b"] })).toEqual([]);
  });

  it("consensus: the consensus layer's rows (whatever their coderId), merged like one analyst's", () => {
    const layer = [coding("", 0, 10), coding("", 0, 10), coding("", 8, 12), coding("", 12, 14), coding("", 3, 4, "other-code")];
    expect(spans(selectPassages(layer, { kind: "consensus" }))).toEqual([
      [0, 12],
      [12, 14],
      [3, 4],
    ]);
  });

  it("never agrees across codes", () => {
    expect(selectPassages([coding("a", 0, 5, "x"), coding("b", 0, 5, "y")], { kind: "agreed", coderIds: ["a", "b"] })).toEqual([]);
  });
});
