import { describe, expect, it } from "vitest";
import { compareStated, percentDecimals, readStatedText } from "../../../lib/findings/stated";

describe("comparing a computed figure with the stated one", () => {
  it("takes a percentage as rounded to the whole percent: 88% means [87.5%, 88.5%)", () => {
    expect(compareStated(123 / 140, 0.88, "88%").mismatch).toBe(false); // 87.86%
    expect(compareStated(0.875, 0.88, "88%").mismatch).toBe(false);
    expect(compareStated(0.8749, 0.88, "88%").mismatch).toBe(true);
    expect(compareStated(0.8849, 0.88, "88%").mismatch).toBe(false);
    expect(compareStated(0.885, 0.88, "88%").mismatch).toBe(true); // rounds half up, to 89%
  });

  it("takes 'nine out of ten' as the nearest tenth: 83.7% is a mismatch, 85% is not", () => {
    const nine = { relation: "approximately", precision: 0.1 } as const;
    expect(compareStated(257 / 307, 0.9, "Nine out of 10", nine)).toMatchObject({ mismatch: true, computedDisplay: "83.7%", statedDisplay: "90%" });
    expect(compareStated(0.85, 0.9, "Nine out of 10", nine).mismatch).toBe(false);
    expect(compareStated(0.95, 0.9, "Nine out of 10", nine).mismatch).toBe(true);
  });

  it("reads 'fewer than' and 'more than' as bounds, not roundings", () => {
    const less = { relation: "lessThan", precision: 0.01 } as const;
    expect(compareStated(35 / 388, 0.1, "fewer than 10 percent", less)).toMatchObject({ mismatch: false, statedDisplay: "< 10%", agrees: { low: null, high: 0.1 } });
    expect(compareStated(0.1, 0.1, "fewer than 10 percent", less).mismatch).toBe(true);
    expect(compareStated(0.51, 0.5, "more than half", { relation: "moreThan", precision: 0.01 }).mismatch).toBe(false);
    expect(compareStated(0.5, 0.5, "more than half", { relation: "moreThan", precision: 0.01 }).mismatch).toBe(true);
  });

  it("shows the computed value one decimal finer than the stated figure", () => {
    expect(percentDecimals(0.01)).toBe(0);
    expect(percentDecimals(0.001)).toBe(1);
    expect(percentDecimals(0.2)).toBe(0);
    expect(compareStated(0.8857, 0.886, "88.6%", { relation: "approximately", precision: 0.001 }).computedDisplay).toBe("88.57%");
  });
});

describe("reading the figure out of a report's sentence", () => {
  it.each([
    ["Thirty-six percent were using only TensorFlow", 0.36, "approximately", 0.01],
    ["Only 21 percent were not using TensorFlow at all.", 0.21, "approximately", 0.01],
    ["88% using only TensorFlow are running exclusively on AWS", 0.88, "approximately", 0.01],
    ["Of 388 projects, 80 percent using TensorFlow and other frameworks", 0.8, "approximately", 0.01],
    ["roughly four out of five DL projects", 0.8, "approximately", 0.2],
    ["Nine out of 10 TensorFlow projects are running on AWS.", 0.9, "approximately", 0.1],
    ["Only one in 10 of TensorFlow projects", 0.1, "approximately", 0.1],
    ["in all, fewer than 10 percent of projects were being run on premise", 0.1, "lessThan", 0.01],
    ["< 10%", 0.1, "lessThan", 0.01],
    ["more than 62.5 per cent", 0.625, "moreThan", 0.001],
  ])("%s", (text, value, relation, precision) => {
    expect(readStatedText(text)).toEqual({ value, statedAs: { relation, precision } });
  });

  it("finds nothing where there is no figure", () => {
    expect(readStatedText("Most researchers chose AWS.")).toBeNull();
    expect(readStatedText("Someone said it")).toBeNull();
  });
});
