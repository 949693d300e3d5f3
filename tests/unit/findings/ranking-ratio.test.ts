import { describe, expect, it } from "vitest";
import type { AttributeValueRow } from "../../../lib/analysis/case-filter";
import { rankCodes } from "../../../lib/findings/ranking";
import { sumAttributes, total } from "../../../lib/findings/ratio";

describe("ranking a parent's children", () => {
  it("orders by interviews, ties sharing a rank and keeping codebook order", () => {
    const children = [
      { id: "a", name: "Breadth" },
      { id: "b", name: "Cost" },
      { id: "c", name: "Relationship" },
      { id: "d", name: "Locality" },
    ];
    const ranking = rankCodes(children, new Map([["a", 10], ["b", 20], ["c", 10]]), 32);
    expect(ranking.map((r) => [r.name, r.rank, r.interviews])).toEqual([
      ["Cost", 1, 20],
      ["Breadth", 2, 10],
      ["Relationship", 2, 10],
      ["Locality", 4, 0],
    ]);
    expect(ranking[0].share).toBe(20 / 32);
    expect(rankCodes(children, new Map(), 0)[0].share).toBeNull();
  });
});

describe("ratios of sums of case attributes", () => {
  const row = (caseId: string, attributeId: string, numberValue: number | null): AttributeValueRow => ({ caseId, attributeId, numberValue, textValue: null, booleanValue: null });
  const values = [row("c1", "aws", 3), row("c1", "all", 4), row("c2", "aws", 2), row("c2", "all", 2), row("c3", "all", 5)];

  it("sums over the chosen cases only, a missing value adding 0", () => {
    const sums = sumAttributes(new Set(["c1", "c3"]), values, ["aws", "all"]);
    expect(Object.fromEntries(sums)).toEqual({ aws: 3, all: 9 });
    expect(total(sumAttributes(new Set(["c1", "c2", "c3"]), values, ["aws", "all"]), ["aws", "all"])).toBe(16);
  });
});
