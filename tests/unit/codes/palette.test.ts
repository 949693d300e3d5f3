import { describe, expect, it } from "vitest";
import { AVOID_MOST_USED, CODE_PALETTE, nextPaletteColour, pickCodeColour } from "../../../lib/codes/palette";

// WCAG 2.x relative luminance and contrast ratio.
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe("the code palette", () => {
  it("has at least 15 distinct colours, each at least 3:1 against white", () => {
    expect(new Set(CODE_PALETTE).size).toBe(CODE_PALETTE.length);
    expect(CODE_PALETTE.length).toBeGreaterThanOrEqual(15);
    for (const colour of CODE_PALETTE) expect(contrastOnWhite(colour), colour).toBeGreaterThanOrEqual(3);
  });

  it("never gives a sibling's colour while the palette has a free one", () => {
    for (let n = 0; n < CODE_PALETTE.length; n++) {
      const siblings = CODE_PALETTE.slice(0, n).reverse();
      // Even when the siblings' colours are the least used overall.
      const used = [...siblings, ...CODE_PALETTE.slice(n), ...CODE_PALETTE.slice(n)];
      const colour = pickCodeColour({ siblings, mostUsed: [], used });
      expect(siblings).not.toContain(colour);
    }
    // Case does not hide a clash.
    expect(pickCodeColour({ siblings: [CODE_PALETTE[0].toUpperCase()], mostUsed: [], used: [] })).not.toBe(CODE_PALETTE[0]);
  });

  it("never gives one of the most-used codes' colours, nor a sibling's, when it can avoid both", () => {
    const mostUsed = [CODE_PALETTE[3], CODE_PALETTE[0], CODE_PALETTE[7], CODE_PALETTE[1]];
    const siblings = [CODE_PALETTE[2], CODE_PALETTE[4]];
    const colour = pickCodeColour({ siblings, mostUsed, used: [...mostUsed, ...siblings] });
    expect([...mostUsed, ...siblings]).not.toContain(colour);
    expect(colour).toBe(CODE_PALETTE[5]);
    // Only the top N are avoided: the fifth most used may be given.
    const five = [CODE_PALETTE[1], CODE_PALETTE[2], CODE_PALETTE[3], CODE_PALETTE[4], CODE_PALETTE[0]];
    expect(AVOID_MOST_USED).toBe(4);
    expect(pickCodeColour({ siblings: [], mostUsed: five, used: CODE_PALETTE.slice(5) })).toBe(CODE_PALETTE[0]);
  });

  it("prefers a sibling-free colour over avoiding the most used, when it cannot have both", () => {
    const siblings = CODE_PALETTE.slice(1);
    const colour = pickCodeColour({ siblings, mostUsed: [CODE_PALETTE[0]], used: siblings });
    expect(colour).toBe(CODE_PALETTE[0]);
  });

  it("then takes the least used colour overall, earliest in the palette on ties, deterministically", () => {
    const used = CODE_PALETTE.filter((c) => c !== CODE_PALETTE[9] && c !== CODE_PALETTE[12]);
    expect(pickCodeColour({ siblings: [], mostUsed: [], used })).toBe(CODE_PALETTE[9]);
    expect(pickCodeColour({ siblings: [CODE_PALETTE[9]], mostUsed: [], used })).toBe(CODE_PALETTE[12]);
    expect(pickCodeColour({ siblings: [], mostUsed: [], used })).toBe(pickCodeColour({ siblings: [], mostUsed: [], used: [...used] }));
    expect(nextPaletteColour([])).toBe(CODE_PALETTE[0]);
    expect(nextPaletteColour([CODE_PALETTE[0]])).toBe(CODE_PALETTE[1]);
  });

  it("falls back to the palette when every colour is a sibling's", () => {
    const colour = pickCodeColour({ siblings: [...CODE_PALETTE], mostUsed: [], used: [...CODE_PALETTE, CODE_PALETTE[0]] });
    expect(colour).toBe(CODE_PALETTE[1]);
  });
});
