import { describe, expect, it } from "vitest";
import { findingFigureSchema, readStoredFigure } from "../../../lib/findings/figure";

describe("the figure definition", () => {
  it("accepts the three kinds, filling in an empty filter", () => {
    expect(findingFigureSchema.parse({ kind: "interview-share", codeId: "k" })).toEqual({ kind: "interview-share", codeId: "k", filter: [] });
    expect(findingFigureSchema.parse({ kind: "attribute-ratio", numerator: ["a"], denominator: ["b"], statedAs: { relation: "lessThan", precision: 0.01 } })).toMatchObject({
      statedAs: { relation: "lessThan" },
    });
    expect(findingFigureSchema.parse({ kind: "code-ranking", parentCodeId: "p", filter: [{ attributeId: "s", op: "eq", value: "x" }] }).filter).toHaveLength(1);
  });

  it("refuses unknown kinds and keys, missing ids, and a stated comparison on a ranking", () => {
    for (const bad of [
      { kind: "pie", codeId: "k" },
      { kind: "interview-share" },
      { kind: "interview-share", codeId: "" },
      { kind: "interview-share", codeId: "k", extra: 1 },
      { kind: "attribute-ratio", numerator: ["a"], denominator: [] },
      { kind: "code-ranking", parentCodeId: "p", statedAs: { relation: "approximately", precision: 0.01 } },
      { kind: "interview-share", codeId: "k", statedAs: { relation: "roughly", precision: 0.01 } },
      null,
      42,
    ]) {
      expect(findingFigureSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("reads a stored figure, or says it is invalid instead of guessing", () => {
    expect(readStoredFigure(null)).toEqual({ figure: null, problem: null });
    expect(readStoredFigure({ kind: "interview-share", codeId: "k" }).figure).toMatchObject({ codeId: "k" });
    expect(readStoredFigure({ kind: "interview-share", codeId: 42 })).toMatchObject({ figure: null, problem: expect.stringMatching(/not valid/) });
  });
});
