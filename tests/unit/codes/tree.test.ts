import { describe, expect, it } from "vitest";
import { flattenCodeTree } from "../../../lib/codes/tree";

const code = (id: string, parentId: string | null, position: number, name = id) => ({ id, parentId, position, name });

describe("flattenCodeTree", () => {
  it("puts each parent before its children, siblings by position then name", () => {
    const codes = [code("b1", "b", 0), code("a", null, 0), code("b", null, 1), code("a2", "a", 1), code("a1", "a", 0), code("a1x", "a1", 0), code("c", null, 1, "aardvark")];
    expect(flattenCodeTree(codes).map((c) => [c.id, c.depth, c.childCount])).toEqual([
      ["a", 0, 2],
      ["a1", 1, 1],
      ["a1x", 2, 0],
      ["a2", 1, 0],
      ["c", 0, 0],
      ["b", 0, 1],
      ["b1", 1, 0],
    ]);
  });

  it("never loses a code: missing parents and cycles land at the top level", () => {
    const codes = [code("orphan", "gone", 0), code("x", "y", 0), code("y", "x", 0)];
    const ids = flattenCodeTree(codes).map((c) => c.id);
    expect(ids.sort()).toEqual(["orphan", "x", "y"]);
  });
});
