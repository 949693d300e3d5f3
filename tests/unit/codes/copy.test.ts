import { describe, expect, it } from "vitest";
import { copyCodebook, type CodebookRow } from "../../../lib/codes/copy";

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
