import { describe, expect, it } from "vitest";
import { packCodes, unpackCodes, type WorkspaceCode } from "../../../lib/codes/packed";

const codes: WorkspaceCode[] = [
  { id: "c1", parentId: null, name: "Why AWS", colour: "#0f766e", shortcut: null, position: 0 },
  { id: "c2", parentId: "c1", name: "Cost versus value", colour: "#b45309", shortcut: "1", position: 0 },
  { id: "c3", parentId: "c2", name: "Ünïcödé 😀 \"quoted\"", colour: "#123456", shortcut: null, position: 3 },
  // A parent listed after its child, as a moved code can be.
  { id: "c4", parentId: "c5", name: "Later parent's child", colour: "#000000", shortcut: "q", position: 1 },
  { id: "c5", parentId: null, name: "Later parent", colour: "#ffffff", shortcut: null, position: 1 },
];

describe("the codebook packed for the transcript page", () => {
  it("round-trips codes and project counts exactly", () => {
    const counts = { c2: 7, c4: 1 };
    const packed = unpackCodes(JSON.parse(JSON.stringify(packCodes(codes, counts))));
    expect(packed.codes).toEqual(codes);
    expect(packed.projectCounts).toEqual(counts);
  });

  it("points at parents by row, so no id is sent twice", () => {
    const packed = packCodes(codes, {});
    expect(packed[1][1]).toBe(0);
    expect(packed[3][1]).toBe(4);
    expect(packed[0][1]).toBe(-1);
  });

  it("is a fraction of the codes as objects", () => {
    const many = Array.from({ length: 1000 }, (_, i): WorkspaceCode => ({ id: `cm${String(i).padStart(23, "0")}`, parentId: i < 10 ? null : `cm${String(i % 10).padStart(23, "0")}`, name: `Code ${i}`, colour: "#0f766e", shortcut: null, position: i }));
    expect(JSON.stringify(packCodes(many, {})).length).toBeLessThan(JSON.stringify(many).length * 0.5);
  });
});
