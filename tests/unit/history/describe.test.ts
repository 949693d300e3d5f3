import { describe, expect, it } from "vitest";
import { changesOf, describeEvent, redactForBlind, verbOf, withoutAddresses, type Names } from "../../../lib/history/describe";
import { kindOf } from "../../../lib/history/kinds";
import type { EventRow } from "../../../lib/history/query";

const names: Names = {
  codes: new Map([["c1", "Cost"], ["c2", "Community"]]),
  documents: new Map([["d1", "P14 — Ana"]]),
  users: new Map([["u1", "Ana"]]),
  cases: new Map(),
};
const row = (over: Partial<EventRow>): EventRow => ({ id: 7n, createdAt: new Date("2026-11-02T10:00:00Z"), actorId: "u1", actorName: "Ana", action: "coding.update", entity: "Coding", entityId: "k1", before: null, after: null, ...over });

describe("history entries in words", () => {
  it("names the action, the coding's code, quote and interview, and lists only fields that changed, ids as names", () => {
    const coding = { id: "k1", documentId: "d1", codeId: "c1", coderId: "u1", start: 0, end: 8, quote: "The cost", memo: "", version: 1, updatedAt: "x" };
    const item = describeEvent(row({ before: coding, after: { ...coding, codeId: "c2", memo: "money", version: 2, updatedAt: "y" } }), names);
    expect(item).toMatchObject({ id: "7", verb: "changed a coding", kind: "codings", target: "Community “The cost” in P14 — Ana", restore: null });
    expect(item.changes).toEqual([{ field: "code", before: "Cost", after: "Community" }, { field: "memo", before: "", after: "money" }]);
    expect(describeEvent(row({ action: "coding.delete", before: coding }), names).restore).toBe("coding");
  });

  it("says unknown actions in words and deleted rows' names as deleted", () => {
    expect(verbOf("attribute.display_name")).toBe("attribute: display name");
    expect(changesOf({ parentId: "gone" }, { parentId: "c1" }, names)).toEqual([{ field: "parent", before: "(deleted)", after: "Cost" }]);
    expect(kindOf("consensus.delete")).toBe("rigour");
    expect(kindOf("correction.resolve")).toBe("documents");
    expect(kindOf("member.role")).toBe("project");
  });

  it("takes coding details and addresses out for readers who may not see them", () => {
    const merge = row({ action: "code.merge", entity: "Code", before: { name: "Cost" }, after: { mergedInto: "c2", movedCodings: 4, droppedDuplicates: [{ id: "k9", quote: "secret" }], deleted: { name: "Cost" } } });
    expect(redactForBlind(merge).after).toEqual({ mergedInto: "c2", deleted: { name: "Cost" } });
    const correction = row({ action: "document.correct", entity: "Document", after: { version: 2, kept: 3, edited: 1, detached: 0 } });
    expect(redactForBlind(correction).after).toEqual({ version: 2 });
    const coding = row({ before: { quote: "mine" } });
    expect(redactForBlind(coding)).toBe(coding);
    expect(withoutAddresses(row({ entity: "ProjectInvitation", after: { email: "x@y.z", role: "viewer" } })).after).toEqual({ role: "viewer" });
  });
});
