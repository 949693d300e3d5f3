import { describe, expect, it } from "vitest";
import { copyCodebook, planCodebookCopy, type CodebookRow } from "../../../lib/codes/copy";

const row = (id: string, parentId: string | null, extra: Partial<CodebookRow> = {}): CodebookRow => ({
  id, parentId, deletedAt: null, name: id, colour: "#123456", description: "", inclusion: "", exclusion: "", example: "", shortcut: null, position: 0, ...extra,
});

describe("copyCodebook", () => {
  it("gives new ids, maps parents to them and lists parents before children", () => {
    // Children first on purpose: the copy must still insert parents first.
    const copied = copyCodebook([row("grandchild", "child"), row("child", "root", { shortcut: "c", position: 3 }), row("root", null)], "p2");
    expect(copied.map((c) => c.name)).toEqual(["root", "child", "grandchild"]);
    const id = new Map(copied.map((c) => [c.name, c.id]));
    expect(copied.map((c) => c.parentId)).toEqual([null, id.get("root"), id.get("child")]);
    expect(copied.every((c) => c.projectId === "p2" && !["root", "child", "grandchild"].includes(c.id))).toBe(true);
    expect(copied[1]).toMatchObject({ shortcut: "c", position: 3, colour: "#123456" });
    expect(copied[0]).not.toHaveProperty("deletedAt");
  });

  it("leaves deleted codes out and hangs a live code under a deleted one from its nearest live ancestor", () => {
    const gone = new Date();
    const copied = copyCodebook([row("root", null), row("deleted", "root", { deletedAt: gone }), row("orphan", "deleted"), row("lost", "missing")], "p2");
    const byName = new Map(copied.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(["lost", "orphan", "root"]);
    expect(byName.get("orphan")!.parentId).toBe(byName.get("root")!.id);
    expect(byName.get("lost")!.parentId).toBeNull();
  });
});

describe("planCodebookCopy into a codebook that has codes", () => {
  const existing = [
    { id: "t-people", parentId: null, name: "People", position: 0, shortcut: "p" },
    { id: "t-nurses", parentId: "t-people", name: "Nurses", position: 4, shortcut: null },
  ];

  it("merges a code into the sibling of the same name (ignoring case and spaces) and copies its sub-codes below it", () => {
    const plan = planCodebookCopy([row("people", null, { name: " people ", shortcut: "p" }), row("nurses", "people", { name: "NURSES" }), row("doctors", "people", { name: "Doctors", position: 1 })], "p2", existing);
    expect(plan.matched).toBe(2);
    expect(plan.rows.map((r) => [r.name, r.parentId, r.position])).toEqual([["Doctors", "t-people", 6]]);
  });

  it("drops a shortcut key the receiving codebook already uses, and says which", () => {
    const plan = planCodebookCopy([row("places", null, { name: "Places", shortcut: "p" }), row("time", null, { name: "Time", shortcut: "t", position: 1 })], "p2", existing);
    expect(plan.rows.map((r) => [r.name, r.shortcut, r.position])).toEqual([["Places", null, 1], ["Time", "t", 2]]);
    expect(plan.shortcutsDropped).toEqual(["p"]);
  });

  it("never writes two codes of one name under one parent, even when the source repeats a name", () => {
    const plan = planCodebookCopy([row("a", null, { name: "Trust" }), row("b", null, { name: "trust ", position: 1 }), row("c", "b", { name: "Doubt" })], "p2");
    expect(plan.rows.map((r) => r.name)).toEqual(["Trust", "Doubt"]);
    expect(plan.rows[1]!.parentId).toBe(plan.rows[0]!.id);
    expect(plan.matched).toBe(1);
  });
});
