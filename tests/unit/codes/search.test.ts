import { describe, expect, it } from "vitest";
import { panelRows } from "../../../lib/codes/panel-rows";
import { indexCodes, isSearch, pathLabel, searchCodes } from "../../../lib/codes/search";
import { flattenCodeTree } from "../../../lib/codes/tree";

const code = (id: string, name: string, parentId: string | null = null, position = 0) => ({ id, name, parentId, position });
const codes = [
  code("aws", "Why AWS"),
  code("cost", "Cost versus value", "aws", 0),
  code("credits", "Credits and costs", "aws", 1),
  code("ops", "Operations"),
  code("opcost", "Hidden cost", "ops", 0),
  code("deep", "Spot pricing", "opcost", 0),
  code("costs", "Costs"),
];
const names = (query: string) => searchCodes(indexCodes(codes), query).map((c) => c.id);

describe("searching codes by name and path", () => {
  it("finds codes by part of their name, whatever the case, the best matches first", () => {
    // Exact name, then names starting with it, then a word starting with it, then anywhere.
    expect(names("COST")).toEqual(["cost", "costs", "credits", "opcost"]);
    expect(names("costs")).toEqual(["costs", "credits"]);
  });

  it("finds a code by its path: the parts before the last / match ancestors, in order", () => {
    expect(names("Why AWS / Cost")).toEqual(["cost", "credits"]);
    expect(names("why aws/cost versus")).toEqual(["cost"]);
    expect(names("operations / spot")).toEqual(["deep"]);
    expect(names("ops / hidden / spot")).toEqual([]);
    expect(names("Operations / Hidden / Spot")).toEqual(["deep"]);
    expect(names("Hidden / Operations / Spot")).toEqual([]);
  });

  it("lists everything under a parent with a trailing /", () => {
    expect(names("Operations /")).toEqual(["opcost", "deep"]);
  });

  it("has nothing to search for in blanks and slashes alone", () => {
    expect(isSearch("  ")).toBe(false);
    expect(isSearch(" / ")).toBe(false);
    expect(names(" / ")).toEqual([]);
  });

  it("gives each code its path for display, and survives a cycle or a missing parent", () => {
    const index = indexCodes([...codes, code("a", "A", "b"), code("b", "B", "a"), code("orphan", "Orphan", "gone")]);
    expect(pathLabel(index.paths.get("deep")!)).toBe("Operations / Hidden cost");
    expect(index.paths.get("aws")).toEqual([]);
    expect(index.paths.get("a")).toEqual(["B"]);
    expect(index.paths.get("orphan")).toEqual([]);
  });

  it("the codebook panel lists every match of a search, flat, and the open part of a large tree otherwise", () => {
    const tree = flattenCodeTree(codes);
    expect(panelRows(tree, { expanded: new Set(), query: "why aws / c" }).rows.map((c) => c.id)).toEqual(["cost", "credits"]);
    expect(panelRows(tree, { expanded: new Set(), query: "" }).rows).toHaveLength(codes.length);
    const closed = panelRows(tree, { expanded: new Set(), query: "", fullTree: 3 });
    expect(closed.collapsible).toBe(true);
    // Top-level codes of one position, so by name.
    expect(closed.rows.map((c) => c.id)).toEqual(["costs", "ops", "aws"]);
    expect(panelRows(tree, { expanded: new Set(["ops"]), query: "", fullTree: 3 }).rows.map((c) => c.id)).toEqual(["costs", "ops", "opcost", "aws"]);
    // A part of a large codebook (the transcript page's first screens) opens collapsed as the whole will.
    expect(panelRows(tree, { expanded: new Set(), query: "", size: 1000 }).rows.map((c) => c.id)).toEqual(["costs", "ops", "aws"]);
  });

  it("searches 10,000 codes by path in a few milliseconds", () => {
    const many = [];
    for (let r = 0; r < 20; r++) {
      many.push(code(`t${r}`, `Theme ${r}`));
      for (let k = 0; k < 20; k++) {
        many.push(code(`t${r}-${k}`, `Sub-theme ${r}.${k}`, `t${r}`));
        for (let g = 0; g < 24; g++) many.push(code(`t${r}-${k}-${g}`, `Code ${r}.${k}.${g}`, `t${r}-${k}`));
      }
    }
    const index = indexCodes(many);
    expect(searchCodes(index, "Theme 3 / Sub-theme 3.4 / code").length).toBe(24);
    expect(searchCodes(index, "Theme 1 / code 1").length).toBeGreaterThan(0);
    // Not a timing assertion on the machine's speed; a guard against a quadratic search (10,000 x 10,000 would take seconds).
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) searchCodes(index, `code ${i}`);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("indexCodes parents", () => {
  it("names the codes that have sub-codes, ignoring a parent that is not in the list", () => {
    const index = indexCodes([
      { id: "a", parentId: null, name: "Why AWS" },
      { id: "b", parentId: "a", name: "Cost" },
      { id: "c", parentId: "gone", name: "Orphan" },
    ]);
    expect([...index.parents]).toEqual(["a"]);
  });
});
