import { describe, expect, it } from "vitest";
import {
  type CoderSelection,
  coderSelectionFromParam,
  coderSelectionLabel,
  coderSelectionSchema,
  coderSelectionToParam,
  DEFAULT_CODER_SELECTION,
  selectedCoderIds,
} from "../../../lib/analysis/coder-selection";

const names: Record<string, string> = { a: "Ana", b: "Ben" };
const nameOf = (id: string) => names[id];

describe("coder selection", () => {
  it("defaults to any analyst", () => {
    expect(DEFAULT_CODER_SELECTION).toEqual({ kind: "any" });
    expect(coderSelectionFromParam(undefined)).toEqual({ kind: "any" });
    expect(coderSelectionFromParam("")).toEqual({ kind: "any" });
  });

  it("labels every kind for display", () => {
    expect(coderSelectionLabel({ kind: "any" }, nameOf)).toBe("Any analyst (union of all codings)");
    expect(coderSelectionLabel({ kind: "coder", coderId: "a" }, nameOf)).toBe("Ana's coding only");
    expect(coderSelectionLabel({ kind: "agreed", coderIds: ["a", "b"] }, nameOf)).toBe("Agreed by Ana and Ben (passages both coded with the same code)");
    expect(coderSelectionLabel({ kind: "consensus" }, nameOf)).toBe("Consensus coding (adjudicated)");
  });

  it("round-trips through the URL form", () => {
    const selections: CoderSelection[] = [{ kind: "any" }, { kind: "coder", coderId: "a" }, { kind: "agreed", coderIds: ["a", "b"] }, { kind: "consensus" }];
    for (const selection of selections) {
      expect(coderSelectionFromParam(coderSelectionToParam(selection))).toEqual(selection);
    }
    expect(coderSelectionToParam({ kind: "agreed", coderIds: ["a", "b"] })).toBe("agreed:a,b");
    expect(coderSelectionToParam({ kind: "consensus" })).toBe("consensus");
  });

  it("refuses malformed selections: unknown kinds, missing or extra analysts, the same analyst twice", () => {
    for (const param of ["all", "coder", "coder:", "agreed:a", "agreed:a,b,c", "agreed:a,a", ["any", "any"]]) {
      expect(coderSelectionFromParam(param), String(param)).toBeNull();
    }
    expect(coderSelectionSchema.safeParse({ kind: "any", coderId: "a" }).success).toBe(false);
    expect(coderSelectionSchema.safeParse({ kind: "consensus", coderId: "a" }).success).toBe(false);
    expect(coderSelectionSchema.safeParse({ kind: "consensus" }).success).toBe(true);
  });

  it("names the analysts it reads", () => {
    expect(selectedCoderIds({ kind: "any" })).toBeNull();
    expect(selectedCoderIds({ kind: "coder", coderId: "a" })).toEqual(["a"]);
    expect(selectedCoderIds({ kind: "agreed", coderIds: ["b", "a"] })).toEqual(["b", "a"]);
    expect(selectedCoderIds({ kind: "consensus" })).toEqual([]); // the consensus layer, no analyst's codings
  });
});
