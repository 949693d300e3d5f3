import { describe, expect, it } from "vitest";
import { remapBatchSource, remapSavedQuery, remapSearchParams, type IdMaps } from "../../../../lib/interop/backup/remap";

const ids: IdMaps = {
  documents: (id) => `doc-${id}`,
  codes: (id) => `code-${id}`,
  attributes: (id) => `attr-${id}`,
  users: (id) => `user-${id}`,
};

describe("rewriting the ids inside saved searches and auto-coding runs on restore", () => {
  it("rewrites interviews, the case attribute, the code and the analyst of a search; keeps the words and the value", () => {
    const params = new URLSearchParams({ q: "cost: a lot, 🙂", mode: "phrase", documents: "d1,d2", case: "a1:acad:emia", coded: "yes", code: "c1", analyst: "u1" }).toString();
    expect(Object.fromEntries(new URLSearchParams(remapSearchParams(params, ids)))).toEqual({
      q: "cost: a lot, 🙂",
      mode: "phrase",
      documents: "doc-d1,doc-d2",
      case: "attr-a1:acad:emia",
      coded: "yes",
      code: "code-c1",
      analyst: "user-u1",
    });
    expect(remapSearchParams("q=cost&mode=words", ids)).toBe("q=cost&mode=words");
  });

  it("leaves a stored query or source it cannot read as it was", () => {
    expect(remapSavedQuery({ params: "code=c1", note: "kept" }, ids)).toEqual({ params: "code=code-c1", note: "kept" });
    expect(remapSavedQuery("odd", ids)).toBe("odd");
    expect(remapBatchSource({ kind: "speaker", summary: "Ana", documentIds: ["d1"], speaker: "Ana" }, ids)).toEqual({ kind: "speaker", summary: "Ana", documentIds: ["doc-d1"], speaker: "Ana" });
    expect(remapBatchSource({ kind: "search", params: "q=x&documents=d3" }, ids)).toEqual({ kind: "search", params: "q=x&documents=doc-d3" });
    expect(remapBatchSource(null, ids)).toEqual({});
  });
});
