import { describe, expect, it } from "vitest";
import { checkReferences, parentsFirst } from "../../../../lib/interop/backup/check";
import { newRowId } from "../../../../lib/db/row-id";
import { restoreFigure } from "../../../../lib/interop/backup/restore";
import type { BackupData } from "../../../../lib/interop/backup/schema";

const at = "2026-01-01T00:00:00.000Z";
const code = (id: string, parentId: string | null) => ({ id, refiGuid: null, parentId, name: id, colour: "#000000", description: "", inclusion: "", exclusion: "", example: "", shortcut: null, position: 0, createdAt: at, updatedAt: at, deletedAt: null });
const empty = (): BackupData => ({
  project: { name: "Study", description: "", blindCoding: false,
    correctionRole: "analyst", createdAt: at, updatedAt: at },
  users: [{ id: "u1", email: "a@example.org", name: "A" }],
  memberships: [{ userId: "u1", role: "owner", createdAt: at }],
  attributes: [],
  cases: [],
  documents: [],
  codes: [],
  codings: [],
  memos: [],
  findings: [],
  assignments: [],
  decisions: [],
  consensus: [],
  stars: [],
  savedSearches: [],
  batches: [],
  audit: [],
  documentVersions: [],
  corrections: [],
});

describe("restore planning", () => {
  it("orders codes so that parents come before their children, whatever the archive's order", () => {
    const ordered = parentsFirst([code("grandchild", "child"), code("child", "root"), code("root", null), code("other", null)]).map((c) => c.id);
    expect(ordered.indexOf("root")).toBeLessThan(ordered.indexOf("child"));
    expect(ordered.indexOf("child")).toBeLessThan(ordered.indexOf("grandchild"));
  });

  it("finds references to nothing, loops in the code tree and e-mails used twice", () => {
    expect(() => checkReferences(empty(), "ok.zip")).not.toThrow();
    const loop = { ...empty(), codes: [code("a", "b"), code("b", "a")] };
    expect(() => checkReferences(loop, "loop.zip")).toThrow(/^loop\.zip: backup\.json has the code a inside itself/);
    const star = { ...empty(), stars: [{ codingId: "c9", starredById: "u1", createdAt: at }] };
    expect(() => checkReferences(star, "star.zip")).toThrow(/says a representative quote refers to the coding c9, which is not in the backup/);
    const twice = { ...empty(), users: [...empty().users, { id: "u2", email: "a@example.org", name: "A again" }] };
    expect(() => checkReferences(twice, "twice.zip")).toThrow(/lists the e-mail address a@example.org twice/);
  });

  it("maps a figure's code and attribute ids, filters included; leaves a figure that never was valid as it was", () => {
    const code = (id: string) => `new-${id}`;
    const attribute = (id: string) => `new-${id}`;
    expect(restoreFigure({ kind: "interview-share", codeId: "c1", filter: [{ attributeId: "a1", op: "eq", value: "academia" }] }, code, attribute)).toEqual({
      figure: { kind: "interview-share", codeId: "new-c1", filter: [{ attributeId: "new-a1", op: "eq", value: "academia" }] },
      kept: false,
    });
    expect(restoreFigure({ kind: "attribute-ratio", numerator: ["a1"], denominator: ["a2", "a3"] }, code, attribute).figure).toEqual({ kind: "attribute-ratio", numerator: ["new-a1"], denominator: ["new-a2", "new-a3"], filter: [] });
    expect(restoreFigure({ kind: "code-ranking", parentCodeId: "c2", filter: [] }, code, attribute).figure).toEqual({ kind: "code-ranking", parentCodeId: "new-c2", filter: [] });
    expect(restoreFigure({ kind: "made-up" }, code, attribute)).toEqual({ figure: { kind: "made-up" }, kept: true });
    expect(restoreFigure(null, code, attribute)).toEqual({ figure: null, kept: false });
  });

  it("gives new rows ids that look like the others and do not repeat", () => {
    const ids = new Set(Array.from({ length: 2000 }, newRowId));
    expect(ids.size).toBe(2000);
    for (const id of [...ids].slice(0, 20)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
