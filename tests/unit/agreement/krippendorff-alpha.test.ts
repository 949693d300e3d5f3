import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../../../lib/agreement/krippendorff-alpha";
import { MIN_STABLE_UNITS } from "../../../lib/agreement/result";

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (Annenberg School for
 * Communication working paper), example of nominal data with four observers, twelve units and
 * missing values; the same data are Krippendorff (2004), Content Analysis 2nd ed., p. 230, and
 * the example of R's irr::kripp.alpha help page ("the 'C' data from Krippendorff"). Unit 12
 * has a single value and is not pairable.
 */
const FOUR_CODERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("Krippendorff's alpha against published values", () => {
  it("binary data, two observers: alpha = 0.095 (Krippendorff 2011, first example; Krippendorff 2004, p. 224)", () => {
    const result = krippendorffAlpha([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(result.value).toBeCloseTo(0.095, 3);
    // By hand: 4 disagreeing units give o_01 = o_10 = 4; n_0 = 14, n_1 = 6, n = 20.
    // D_o = (4 + 4) / 20 = .400, D_e = (14*6 + 6*14) / (20*19) = .442.
    expect(result.observedDisagreement).toBeCloseTo(0.4, 3);
    expect(result.expectedDisagreement).toBeCloseTo(0.442, 3);
    expect(result).toMatchObject({ coders: 2, units: 10, pairableUnits: 10, droppedUnits: 0, pairableValues: 20 });
  });

  it("nominal data, two observers, three values: alpha = 0.734 (Krippendorff 2004, p. 227)", () => {
    const result = krippendorffAlpha([
      ["a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c"],
      ["a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c", "c"],
    ]);
    expect(result.value).toBeCloseTo(0.734, 3);
  });

  it("four coders, missing values, nominal: alpha = 0.743 (Krippendorff 2011; 2004, p. 230; irr::kripp.alpha)", () => {
    const result = krippendorffAlpha(FOUR_CODERS, { metric: "nominal" });
    expect(result.value).toBeCloseTo(0.743, 3);
    expect(result).toMatchObject({ coders: 4, units: 12, pairableUnits: 11, droppedUnits: 1, pairableValues: 40 });
  });

  // D_o and D_e as DKPro Agreement's Krippendorff2004Test has them for the same data.
  it("the same data, interval: alpha = 0.849, D_o = .433, D_e = 2.872 (Krippendorff 2011; 2004, p. 230)", () => {
    const result = krippendorffAlpha(FOUR_CODERS, { metric: "interval" });
    expect(result.value).toBeCloseTo(0.849, 3);
    expect(result.observedDisagreement).toBeCloseTo(0.433, 3);
    expect(result.expectedDisagreement).toBeCloseTo(2.872, 3);
  });

  // Values printed by the example of R's irr package, kripp.alpha(nmm, "ordinal") and
  // kripp.alpha(nmm, "ratio"), on the matrix above. Recomputed independently from the pairwise
  // definition (no coincidence matrix) before being written here: 0.8154 and 0.7974.
  it("the same data, ordinal: alpha = 0.815 (irr::kripp.alpha example)", () => {
    expect(krippendorffAlpha(FOUR_CODERS, { metric: "ordinal" }).value).toBeCloseTo(0.815, 3);
  });

  it("the same data, ratio: alpha = 0.797 (irr::kripp.alpha example)", () => {
    expect(krippendorffAlpha(FOUR_CODERS, { metric: "ratio" }).value).toBeCloseTo(0.797, 3);
  });
});

describe("Krippendorff's alpha on edge cases", () => {
  it("one coder: no figure, and says why", () => {
    const result = krippendorffAlpha([[1, 2, 3]]);
    expect(result.value).toBeNull();
    expect(result.reason).toEqual({ code: "fewer-than-two-coders", message: "fewer than two coders" });
    expect(result.stabilityNote).toBeNull();
  });

  it("no coders at all counts as fewer than two", () => {
    expect(krippendorffAlpha([]).reason?.code).toBe("fewer-than-two-coders");
  });

  it("all values missing", () => {
    const result = krippendorffAlpha([
      [_, _, _],
      [_, _, _],
    ]);
    expect(result.value).toBeNull();
    expect(result.reason?.message).toBe("all values missing");
    expect(result).toMatchObject({ units: 3, pairableUnits: 0, droppedUnits: 3 });
  });

  it("no unit coded by two coders: no pairable units, all of them dropped", () => {
    const result = krippendorffAlpha([
      [1, _, 2],
      [_, 1, _],
    ]);
    expect(result.value).toBeNull();
    expect(result.reason?.code).toBe("no-pairable-units");
    expect(result.droppedUnits).toBe(3);
  });

  it("no variation: every unit got the same value gives null, not 1 and not NaN", () => {
    for (const metric of ["nominal", "ordinal", "interval", "ratio"] as const) {
      const result = krippendorffAlpha(
        [
          [3, 3, 3, 3],
          [3, 3, _, 3],
        ],
        { metric },
      );
      expect(result.value).toBeNull();
      expect(result.reason?.message).toBe("no variation: every unit got the same value");
    }
  });

  it("one unit: computed, with a stability note", () => {
    // Values 1 and 2: o_12 = o_21 = 1, n = 2, so alpha = 1 - (n-1) * 2 / (1*1 + 1*1) = 0.
    const result = krippendorffAlpha([[1], [2]]);
    expect(result.value).toBeCloseTo(0, 10);
    expect(result.stabilityNote).toMatch(/only 1 pairable units/);
  });

  it("two units: perfect agreement is 1, with a stability note", () => {
    const result = krippendorffAlpha([
      ["x", "y"],
      ["x", "y"],
    ]);
    expect(result.value).toBe(1);
    expect(result.stabilityNote).not.toBeNull();
  });

  it("two units, one disagreement: hand-derived value", () => {
    // Units (a,a) and (a,b): o_aa = 2, o_ab = o_ba = 1, n_a = 3, n_b = 1, n = 4.
    // alpha = 1 - (n-1) * (o_ab + o_ba) / (n_a n_b + n_b n_a) = 1 - 3 * 2 / 6 = 0.
    expect(krippendorffAlpha([["a", "a"], ["a", "b"]]).value).toBeCloseTo(0, 10);
  });

  it("notes instability below the threshold and not at it", () => {
    const agreeing = (n: number) => {
      const row = Array.from({ length: n }, (_, i) => i % 3);
      return [row, row];
    };
    expect(krippendorffAlpha(agreeing(MIN_STABLE_UNITS - 1)).stabilityNote).not.toBeNull();
    expect(krippendorffAlpha(agreeing(MIN_STABLE_UNITS)).stabilityNote).toBeNull();
  });

  it("never returns NaN across small random matrices", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 300; trial++) {
      const coders = 1 + Math.floor(random() * 3);
      const units = Math.floor(random() * 4);
      const data = Array.from({ length: coders }, () =>
        Array.from({ length: units }, () => (random() < 0.3 ? null : Math.floor(random() * 3))),
      );
      for (const metric of ["nominal", "ordinal", "interval", "ratio"] as const) {
        const result = krippendorffAlpha(data, { metric });
        if (result.value === null) expect(result.reason).not.toBeNull();
        else expect(Number.isFinite(result.value)).toBe(true);
      }
    }
  });

  it("refuses text values for metrics that need numbers, and ragged matrices", () => {
    expect(() => krippendorffAlpha([["a"], ["b"]], { metric: "interval" })).toThrow(TypeError);
    expect(() => krippendorffAlpha([[-1], [2]], { metric: "ratio" })).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, 2], [1]])).toThrow(RangeError);
    expect(() => krippendorffAlpha([[Number.NaN], [1]])).toThrow(RangeError);
  });
});
