import { describe, expect, it } from "vitest";
import { competitionRanks, liveCodes, subtrees } from "../../../lib/analysis/code-tree";

describe("the live code tree", () => {
  const codes = [
    { id: "p", parentId: null },
    { id: "k", parentId: "p" },
    { id: "g", parentId: "k" },
    { id: "x", parentId: null, deletedAt: new Date() },
    { id: "z", parentId: "x" },
  ];

  it("drops deleted codes and lifts their live children to the top level", () => {
    expect(liveCodes(codes).map((c) => [c.id, c.parentId])).toEqual([
      ["p", null],
      ["k", "p"],
      ["g", "k"],
      ["z", null],
    ]);
  });

  it("gives each code its subtree, itself included, and survives a cycle", () => {
    const below = subtrees(liveCodes(codes));
    expect([...below.get("p")!].sort()).toEqual(["g", "k", "p"]);
    expect([...below.get("g")!]).toEqual(["g"]);
    const cycle = subtrees([
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ]);
    expect([...cycle.get("a")!].sort()).toEqual(["a", "b"]);
  });

  it("ranks with ties sharing a rank (1, 2, 2, 4)", () => {
    const items = [{ n: 5 }, { n: 3 }, { n: 3 }, { n: 1 }];
    const ranks = competitionRanks(items, (i) => i.n);
    expect(items.map((i) => ranks.get(i))).toEqual([1, 2, 2, 4]);
  });
});
