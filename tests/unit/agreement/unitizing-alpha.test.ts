import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../../../lib/agreement/krippendorff-alpha";
import { type UnitizedContinuum, type UnitizedSpan, unitizingAlpha, unitizingAlphaForCategory } from "../../../lib/agreement/unitizing-alpha";
import { pairDisagreement, sectionDisagreement, sectionsOf } from "../../../lib/agreement/unitizing-sections";

const span = (start: number, end: number, category: string): UnitizedSpan => ({ start, end, category });

/**
 * Krippendorff (2004), Content Analysis: An Introduction to Its Methodology, 2nd ed., p. 254:
 * two observers unitize a continuum running from 150 to 450 into units of categories c and k.
 * Shifted here by -150 so it starts at 0. Bounds as DKPro Agreement's unitizing
 * Krippendorff2004Test transcribes them (observer i: c at 225-295 and 370-400; observer j: c
 * at 220-300, 355-375 and 400-420; both: k at 180-240 and 300-350).
 */
const BOOK_2004: UnitizedContinuum = {
  length: 300,
  coders: [
    { coderId: "i", spans: [span(75, 145, "c"), span(220, 250, "c"), span(30, 90, "k"), span(150, 200, "k")] },
    { coderId: "j", spans: [span(70, 150, "c"), span(205, 225, "c"), span(250, 270, "c"), span(30, 90, "k"), span(150, 200, "k")] },
  ],
};

describe("alpha for unitizing against Krippendorff (2004, p. 254)", () => {
  it("the book's differences: 50, 850 and 400", () => {
    // c-units 225-295 vs 220-300: 5^2 + 5^2; 370-400 vs 355-375: 15^2 + 25^2;
    // j's 400-420 inside i's gap 400-450: 20^2.
    expect(sectionDisagreement({ start: 225, end: 295, unit: true }, { start: 220, end: 300, unit: true })).toBe(50);
    expect(sectionDisagreement({ start: 370, end: 400, unit: true }, { start: 355, end: 375, unit: true })).toBe(850);
    expect(sectionDisagreement({ start: 400, end: 450, unit: false }, { start: 400, end: 420, unit: true })).toBe(400);
  });

  it("category c: D_o = .0144, D_e = .0532, alpha = .7286", () => {
    const result = unitizingAlphaForCategory(BOOK_2004, "c");
    // D_o = 2 * (50 + 850 + 400) / (2 * 1 * 300^2) exactly.
    expect(result.observedDisagreement).toBeCloseTo(1300 / 90000, 10);
    expect(result.observedDisagreement).toBeCloseTo(0.0144, 4);
    expect(result.expectedDisagreement).toBeCloseTo(0.0532, 4);
    expect(result.value).toBeCloseTo(0.7286, 4);
    expect(result).toMatchObject({ coders: 2, length: 300, markedUnits: 5, definitionNote: null });
  });

  it("category k, coded identically: D_o = 0, D_e = .0490, alpha = 1", () => {
    const result = unitizingAlphaForCategory(BOOK_2004, "k");
    expect(result.observedDisagreement).toBe(0);
    expect(result.expectedDisagreement).toBeCloseTo(0.049, 4);
    expect(result.value).toBe(1);
  });

  it("both categories: alpha_u = .8591 as printed, .8587 exactly", () => {
    const result = unitizingAlpha(BOOK_2004);
    expect(result.categories).toEqual(["c", "k"]);
    // The book divides disagreements already rounded to four places:
    // 1 - .0144 / (.0532 + .0490) = .8591. Unrounded the same formula gives .85867, which
    // still agrees with the printed value to three decimals.
    expect(1 - 0.0144 / (0.0532 + 0.049)).toBeCloseTo(0.8591, 4);
    expect(result.value).toBeCloseTo(0.8591, 3);
    expect(result.value).toBeCloseTo(0.85867, 5);
    expect(result.perCategory.map((c) => c.category)).toEqual(["c", "k"]);
  });
});

/**
 * Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological
 * Methodology 25, p. 57: four pairs of observers unitize a continuum of 24 (examples A-D, bounds
 * as DKPro Agreement's unitizing Krippendorff1995Test transcribes them). The 1995 paper treats
 * the continuum as continuous; the 2004 formula we use is discrete, so its values approach the
 * 1995 ones as the resolution grows (here x50,000). A (.553) and D (.066) agree to three
 * decimals; B and C do not (we get -.928 for -.926 and .693 for .679): the 2004 text revised
 * the expected disagreement, and DKPro's authors note an apparent error in the 1995 one.
 */
describe("alpha for unitizing approaching Krippendorff (1995, p. 57) at fine resolution", () => {
  const stretch = 50_000;
  const continuum = (first: [number, number][], second: [number, number][]): UnitizedContinuum => ({
    length: 24 * stretch,
    coders: [first, second].map((units, i) => ({
      coderId: String(i),
      spans: units.map(([offset, length]) => span(offset * stretch, (offset + length) * stretch, "x")),
    })),
  });

  it("A (Bertha, Bill): .553", () => {
    const a = continuum([[2, 8], [14, 6]], [[4, 4], [15, 2]]);
    expect(unitizingAlphaForCategory(a, "x").value).toBeCloseTo(0.553, 3);
  });

  it("D (Heather, Hill): .066", () => {
    const d = continuum(
      [[0, 2], [2, 8], [10, 4], [14, 6], [20, 4]],
      [[0, 4], [4, 4], [8, 7], [15, 2], [17, 7]],
    );
    expect(unitizingAlphaForCategory(d, "x").value).toBeCloseTo(0.066, 3);
  });
});

describe("alpha for unitizing, hand-derived", () => {
  it("one long unit against three short ones: alpha = -0.7003", () => {
    // L = 10. Coder 0: unit [1,9). Coder 1: units [2,3), [4,5), [6,7).
    // D_o: overlapping units (1-2)^2+(9-3)^2 = 37, (1-4)^2+(9-5)^2 = 25, (1-6)^2+(9-7)^2 = 29;
    //   no unit lies wholly in a gap of the other coder. D_o = 2 * 91 / (2 * 1 * 10^2) = 0.91.
    // D_e: N = 4 units; gaps 1, 1 (coder 0) and 2, 1, 1, 3 (coder 1).
    //   l = 8: (N-1) * (2*512 - 3*64 + 8)/3 = 3 * 280 = 840, no gap >= 8.
    //   l = 1: first term 0; sum over all gaps of (l_h - 1 + 1) = 9, three such units: 27.
    //   D_e = (2/10) * 867 / (20 * 19 - 8 * 7) = 173.4 / 324 = 0.535185...
    // alpha = 1 - 0.91 / 0.535185 = -0.70035. (DKPro Agreement's UnitizingAgreementTest: -0.7003.)
    const c: UnitizedContinuum = {
      length: 10,
      coders: [
        { coderId: "a", spans: [span(1, 9, "A")] },
        { coderId: "b", spans: [span(2, 3, "A"), span(4, 5, "A"), span(6, 7, "A")] },
      ],
    };
    const result = unitizingAlphaForCategory(c, "A");
    expect(result.observedDisagreement).toBeCloseTo(0.91, 10);
    expect(result.expectedDisagreement).toBeCloseTo(173.4 / 324, 10);
    expect(result.value).toBeCloseTo(-0.7003, 4);
  });

  it("sections partition the continuum; overlapping spans merge, touching spans stay apart", () => {
    expect(sectionsOf([{ start: 2, end: 5 }, { start: 4, end: 7 }, { start: 7, end: 8 }], 10)).toEqual([
      { start: 0, end: 2, unit: false },
      { start: 2, end: 7, unit: true },
      { start: 7, end: 8, unit: true },
      { start: 8, end: 10, unit: false },
    ]);
    expect(sectionsOf([], 4)).toEqual([{ start: 0, end: 4, unit: false }]);
    expect(pairDisagreement(sectionsOf([], 4), sectionsOf([{ start: 0, end: 4 }], 4))).toBe(16);
  });
});

describe("alpha for unitizing, properties", () => {
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it("identical codings give 1", () => {
    for (let trial = 0; trial < 20; trial++) {
      const length = 20 + Math.floor(random() * 80);
      const spans: UnitizedSpan[] = [];
      for (let at = Math.floor(random() * 5); at < length - 1; at += 2 + Math.floor(random() * 10)) {
        const end = Math.min(length, at + 1 + Math.floor(random() * 6));
        spans.push(span(at, end, random() < 0.5 ? "p" : "q"));
        at = end;
      }
      const c: UnitizedContinuum = { length, coders: [{ coderId: "a", spans }, { coderId: "b", spans }, { coderId: "c", spans }] };
      expect(unitizingAlpha(c).value).toBe(1);
    }
  });

  it("with one-character units it is nominal alpha over characters, for any number of coders", () => {
    // The limiting case in which unitizing becomes coding: every marked unit is one position
    // long, so a unit either coincides with the other coder's unit (delta^2 = 0) or lies in
    // their gap (delta^2 = 1), and D_e reduces to 2 n_0 n_1 / (L n (n-1)). Touching units stay
    // separate, so runs of marked characters remain one-character units.
    for (const coders of [2, 3, 4]) {
      for (let trial = 0; trial < 10; trial++) {
        const length = 15 + Math.floor(random() * 30);
        const marks = Array.from({ length: coders }, () => Array.from({ length }, () => (random() < 0.35 ? 1 : 0)));
        const continuum: UnitizedContinuum = {
          length,
          coders: marks.map((row, i) => ({
            coderId: String(i),
            spans: row.flatMap((mark, at) => (mark ? [span(at, at + 1, "x")] : [])),
          })),
        };
        const unitizing = unitizingAlphaForCategory(continuum, "x");
        const nominal = krippendorffAlpha(marks);
        if (nominal.value === null) continue;
        expect(unitizing.value).toBeCloseTo(nominal.value, 10);
      }
    }
  });

  it("codes overlapping within one coder do not interfere with each other", () => {
    const overlapping: UnitizedContinuum = {
      length: 50,
      coders: [
        { coderId: "a", spans: [span(0, 20, "p"), span(10, 30, "q")] },
        { coderId: "b", spans: [span(2, 20, "p"), span(10, 28, "q")] },
      ],
    };
    const onlyP: UnitizedContinuum = {
      length: 50,
      coders: overlapping.coders.map((c) => ({ ...c, spans: c.spans.filter((s) => s.category === "p") })),
    };
    expect(unitizingAlphaForCategory(overlapping, "p").value).toBe(unitizingAlphaForCategory(onlyP, "p").value);
  });

  it("more overlap means more agreement", () => {
    const shifted = (by: number): UnitizedContinuum => ({
      length: 100,
      coders: [
        { coderId: "a", spans: [span(20, 40, "x"), span(60, 80, "x")] },
        { coderId: "b", spans: [span(20 + by, 40 + by, "x"), span(60 + by, 80 + by, "x")] },
      ],
    });
    const values = [0, 2, 5, 10].map((by) => unitizingAlphaForCategory(shifted(by), "x").value!);
    expect(values[0]).toBe(1);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
  });
});

describe("alpha for unitizing, edge cases", () => {
  it("one coder", () => {
    const result = unitizingAlphaForCategory({ length: 10, coders: [{ coderId: "a", spans: [span(0, 5, "x")] }] }, "x");
    expect(result.value).toBeNull();
    expect(result.reason?.code).toBe("fewer-than-two-coders");
    expect(unitizingAlpha({ length: 10, coders: [] }).reason?.code).toBe("fewer-than-two-coders");
  });

  it("no coder marked the category: no variation, not NaN", () => {
    const c: UnitizedContinuum = { length: 10, coders: [{ coderId: "a", spans: [] }, { coderId: "b", spans: [span(1, 2, "y")] }] };
    const result = unitizingAlphaForCategory(c, "x");
    expect(result.value).toBeNull();
    expect(result.reason).toEqual({ code: "no-variation", message: "no variation: every unit got the same value (no coder marked this category)" });
    expect(unitizingAlpha({ length: 10, coders: [{ coderId: "a", spans: [] }, { coderId: "b", spans: [] }] }).reason?.code).toBe("no-variation");
  });

  it("an empty continuum has nothing to pair", () => {
    expect(unitizingAlpha({ length: 0, coders: [{ coderId: "a", spans: [] }, { coderId: "b", spans: [] }] }).reason?.code).toBe("no-pairable-units");
  });

  it("a continuum of one character marked by everyone has no variation", () => {
    const c: UnitizedContinuum = { length: 1, coders: [{ coderId: "a", spans: [span(0, 1, "x")] }, { coderId: "b", spans: [span(0, 1, "x")] }] };
    expect(unitizingAlphaForCategory(c, "x").reason?.code).toBe("no-variation");
  });

  it("few marked units carry a stability note; many do not", () => {
    expect(unitizingAlphaForCategory(BOOK_2004, "c").stabilityNote).toMatch(/only 5 marked units/);
    const many: UnitizedContinuum = {
      length: 200,
      coders: ["a", "b"].map((coderId, i) => ({ coderId, spans: Array.from({ length: 6 }, (_, k) => span(k * 30 + i, k * 30 + 10, "x")) })),
    };
    expect(unitizingAlphaForCategory(many, "x").stabilityNote).toBeNull();
  });

  it("more than two coders: computed, with a note on the definition", () => {
    const c: UnitizedContinuum = { ...BOOK_2004, coders: [...BOOK_2004.coders, { ...BOOK_2004.coders[0], coderId: "k" }] };
    const result = unitizingAlpha(c);
    expect(result.value).not.toBeNull();
    expect(result.definitionNote).toMatch(/Krippendorff et al\. \(2016\)/);
  });

  it("refuses spans outside the continuum, empty spans and fractional offsets", () => {
    const bad = (s: UnitizedSpan) => () => unitizingAlpha({ length: 10, coders: [{ coderId: "a", spans: [s] }, { coderId: "b", spans: [] }] });
    expect(bad(span(5, 11, "x"))).toThrow(RangeError);
    expect(bad(span(5, 5, "x"))).toThrow(RangeError);
    expect(bad(span(-1, 3, "x"))).toThrow(RangeError);
    expect(bad(span(1.5, 3, "x"))).toThrow(RangeError);
  });
});
