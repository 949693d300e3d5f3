import { describe, expect, it } from "vitest";
import { cohensKappa } from "../../../lib/agreement/cohen-kappa";

const _ = null;

/** A two-coder contingency table (rows: first coder's value, columns: second's) as two rows of unit values. */
function fromTable(labels: string[], table: number[][]): string[][] {
  const first: string[] = [];
  const second: string[] = [];
  table.forEach((row, r) =>
    row.forEach((count, c) => {
      for (let i = 0; i < count; i++) {
        first.push(labels[r]);
        second.push(labels[c]);
      }
    }),
  );
  return [first, second];
}

describe("Cohen's kappa against published values", () => {
  it("200 units, three categories: p_o = .70, p_c = .41, kappa = .492 (Cohen 1960, A coefficient of agreement for nominal scales, p. 45)", () => {
    // Cohen's worked example, as counts out of 200; margins 120/60/20 and 100/60/40. Table
    // and page numbers as DKPro Agreement's Cohen1960Test transcribes them.
    const data = fromTable(["1", "2", "3"], [
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ]);
    const result = cohensKappa(data);
    expect(result.value).toBeCloseTo(0.492, 3);
    expect(result.observedAgreement).toBeCloseTo(0.7, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.41, 3);
    expect(result).toMatchObject({ coders: 2, units: 200, pairableUnits: 200, droppedUnits: 0, stabilityNote: null });
  });

  it("agreement below chance: p_o = .29, p_c = .35 (Cohen 1960, p. 37)", () => {
    const result = cohensKappa(
      fromTable(["1", "2", "3"], [
        [25, 12, 3],
        [13, 2, 15],
        [12, 16, 2],
      ]),
    );
    expect(result.observedAgreement).toBeCloseTo(0.29, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.35, 3);
    // (.29 - .35) / (1 - .35)
    expect(result.value).toBeCloseTo(-0.092, 3);
  });

  it("equal margins: kappa = .186; unequal margins, same agreement: kappa = .258 (Krippendorff 2004, Content Analysis 2nd ed., p. 246)", () => {
    // Krippendorff's pair of tables showing kappa rising when the coders disagree about how
    // often each value occurs, at the same 46% agreement.
    const equal = cohensKappa(
      fromTable(["a", "b", "c"], [
        [12, 9, 9],
        [9, 14, 9],
        [9, 9, 20],
      ]),
    );
    const unequal = cohensKappa(
      fromTable(["a", "b", "c"], [
        [12, 18, 18],
        [0, 14, 18],
        [0, 0, 20],
      ]),
    );
    expect(equal.observedAgreement).toBeCloseTo(0.46, 3);
    expect(equal.value).toBeCloseTo(0.186, 3);
    expect(unequal.observedAgreement).toBeCloseTo(0.46, 3);
    expect(unequal.value).toBeCloseTo(0.258, 3);
  });
});

describe("Cohen's kappa on edge cases", () => {
  it("counts only units both coders coded, and reports the rest", () => {
    const result = cohensKappa([
      ["a", "b", "a", _, "b"],
      ["a", "b", _, "a", "b"],
    ]);
    expect(result.value).toBe(1);
    expect(result).toMatchObject({ units: 5, pairableUnits: 3, droppedUnits: 2 });
    expect(result.stabilityNote).toMatch(/only 3 pairable units/);
  });

  it("one coder", () => {
    const result = cohensKappa([["a", "b"]]);
    expect(result.value).toBeNull();
    expect(result.reason?.message).toBe("fewer than two coders");
  });

  it("all values missing, and no pairable units", () => {
    expect(cohensKappa([[_, _], [_, _]]).reason?.code).toBe("all-values-missing");
    expect(cohensKappa([["a", _], [_, "a"]]).reason?.code).toBe("no-pairable-units");
  });

  it("no variation: both coders used one and the same value", () => {
    const result = cohensKappa([["yes", "yes", "yes"], ["yes", "yes", "yes"]]);
    expect(result.value).toBeNull();
    expect(result.reason?.code).toBe("no-variation");
    expect(result.observedAgreement).toBe(1);
  });

  it("one coder constant, the other not: defined, and 0 here", () => {
    // p_o = .5, p_c = 1 * .5 = .5.
    expect(cohensKappa([["y", "y"], ["y", "n"]]).value).toBe(0);
  });

  it("one unit, two units", () => {
    expect(cohensKappa([["a"], ["b"]]).value).toBeCloseTo(0, 10);
    expect(cohensKappa([["a", "b"], ["a", "b"]]).value).toBe(1);
  });

  it("refuses more than two coders", () => {
    expect(() => cohensKappa([["a"], ["a"], ["a"]])).toThrow(/exactly two coders/);
  });
});
