import { describe, expect, it } from "vitest";
import { percentAgreement } from "../../../lib/agreement/percent-agreement";

const _ = null;

/** Rows of a "subjects x raters" table turned into the coders x units matrix we take. */
function transpose<T>(rows: T[][]): T[][] {
  return rows[0].map((_, c) => rows.map((row) => row[c]));
}

describe("percent agreement against published values", () => {
  it("two coders, binary data: 0.600 (Krippendorff 2004, Content Analysis 2nd ed., p. 224)", () => {
    const result = percentAgreement([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(result.value).toBeCloseTo(0.6, 3);
    expect(result).toMatchObject({ pairs: 10, agreeingPairs: 6, stabilityNote: null });
  });

  it("two coders, three values: 0.833 (Krippendorff 2004, p. 227)", () => {
    const result = percentAgreement([
      ["a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c"],
      ["a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c", "c"],
    ]);
    expect(result.value).toBeCloseTo(0.833, 3);
  });

  it("six raters, 30 subjects: P-bar = 0.556 (Fleiss 1971, Measuring nominal scale agreement among many raters, Table 1 and p. 379)", () => {
    // Each row: the six diagnoses of one patient (categories 1-5). Fleiss gives counts per
    // category; which rater gave which does not change P-bar. Transcribed as in DKPro
    // Agreement's Fleiss1971Test.
    const patients = [
      [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];
    const result = percentAgreement(transpose(patients));
    expect(result.value).toBeCloseTo(0.556, 3);
    expect(result).toMatchObject({ coders: 6, units: 30, pairableUnits: 30, pairs: 30 * 15 });
  });
});

describe("percent agreement with missing values and edge cases", () => {
  it("averages per unit, each unit over its own coders (hand-derived)", () => {
    // Unit 1: (a, a, b) -> 1 agreeing pair of 3. Unit 2: (a, a) -> 1 of 1. Unit 3: one value,
    // dropped. Mean of 1/3 and 1 = 2/3; pooling pairs instead would give 2/4.
    const result = percentAgreement([
      ["a", "a", "x"],
      ["a", "a", _],
      ["b", _, _],
    ]);
    expect(result.value).toBeCloseTo(2 / 3, 10);
    expect(result).toMatchObject({ pairableUnits: 2, droppedUnits: 1, pairableValues: 5, pairs: 4, agreeingPairs: 2 });
    expect(result.stabilityNote).toMatch(/only 2 pairable units/);
  });

  it("gives the reasons instead of a figure", () => {
    expect(percentAgreement([["a", "b"]]).reason?.code).toBe("fewer-than-two-coders");
    expect(percentAgreement([[_], [_]]).reason?.code).toBe("all-values-missing");
    expect(percentAgreement([["a", _], [_, "b"]]).reason?.code).toBe("no-pairable-units");
  });

  it("no variation is still full agreement: percent agreement is not chance-corrected", () => {
    expect(percentAgreement([["a", "a"], ["a", "a"]]).value).toBe(1);
  });

  it("one unit", () => {
    expect(percentAgreement([["a"], ["b"]]).value).toBe(0);
  });
});
