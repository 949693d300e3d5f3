import { describe, expect, it } from "vitest";
import { formatCount, formatFraction, formatPercent } from "../../../lib/findings/display";

describe("how figures are written", () => {
  it("rounds percentages half up, even where binary floating point would not", () => {
    expect(formatPercent(123 / 140)).toBe("88%");
    expect(formatPercent(0.885)).toBe("89%");
    expect(formatPercent(0.125, 0)).toBe("13%");
    expect(formatPercent(257 / 307, 1)).toBe("83.7%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("writes counts and fractions for a reader", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(2.5)).toBe("2.5");
    expect(formatFraction(123, 140)).toBe("123 of 140");
  });
});
