import { describe, expect, it } from "vitest";
import { contrastRatio, parseHex, relativeLuminance, toHex } from "../../../lib/codings/spans/colour";
import { MIN_CONTRAST, highlightStyle } from "../../../lib/codings/spans/highlight";
import { randomInt, seeded, shuffled } from "./random";

const rgb = (hex: string) => parseHex(hex)!;
const randomHex = (random: () => number) => toHex({ r: randomInt(random, 0, 255), g: randomInt(random, 0, 255), b: randomInt(random, 0, 255) });

function expectReadable(style: ReturnType<typeof highlightStyle>): void {
  for (const fill of style.fills) expect(contrastRatio(rgb(style.color), rgb(fill))).toBeGreaterThanOrEqual(MIN_CONTRAST);
}

describe("WCAG colour arithmetic", () => {
  it("matches the published reference values", () => {
    expect(relativeLuminance(rgb("#ffffff"))).toBeCloseTo(1, 10);
    expect(relativeLuminance(rgb("#000000"))).toBe(0);
    expect(contrastRatio(rgb("#000"), rgb("#fff"))).toBeCloseTo(21, 10);
    // WebAIM's contrast checker: #777777 on white is 4.48:1, just failing AA.
    expect(contrastRatio(rgb("#777777"), rgb("#ffffff"))).toBeCloseTo(4.48, 2);
    expect(contrastRatio(rgb("#0000ff"), rgb("#ffffff"))).toBeCloseTo(8.59, 2);
  });

  it("parses short and long hex, any case, and refuses the rest", () => {
    expect(parseHex("#0F8")).toEqual({ r: 0, g: 255, b: 136 });
    expect(parseHex("#64748B")).toEqual({ r: 100, g: 116, b: 139 });
    for (const bad of ["64748b", "#12345", "red", "#ggg", ""]) expect(parseHex(bad)).toBeNull();
  });
});

describe("highlightStyle", () => {
  it("paints one code at 30% over the page", () => {
    // 0.3 * 255 + 0.7 * 255 for white; 0.3 * 0 + 0.7 * 255 = 178.5 -> 179 (0xb3) for the others.
    expect(highlightStyle(["#ff0000"])).toEqual({ background: "#ffb3b3", color: "#111827", fills: ["#ffb3b3"] });
  });

  it("stripes several codes, each colour once, in a fixed order", () => {
    const style = highlightStyle(["#0000ff", "#ff0000", "#0000FF"]);
    expect(style.fills).toEqual(["#b3b3ff", "#ffb3b3"]);
    expect(style.background).toBe("repeating-linear-gradient(135deg, #b3b3ff 0px 6px, #ffb3b3 6px 12px)");
    expectReadable(style);
  });

  it("leaves an uncovered segment transparent", () => {
    expect(highlightStyle([])).toEqual({ background: "transparent", color: "#111827", fills: ["#ffffff"] });
    expect(highlightStyle([], { page: "#111827" }).color).toBe("#ffffff");
  });

  it("draws a colour that does not parse in the default code colour", () => {
    expect(highlightStyle(["not a colour"])).toEqual(highlightStyle(["#64748b"]));
  });

  it("is deterministic: same colours in any order give the same style", () => {
    const random = seeded(11);
    for (let round = 0; round < 100; round++) {
      const colours = Array.from({ length: randomInt(random, 1, 5) }, () => randomHex(random));
      expect(highlightStyle(shuffled(random, colours))).toEqual(highlightStyle(colours));
    }
  });

  it("reaches a contrast of 4.5 against every fill, for any colours, page and opacity", () => {
    const random = seeded(12);
    for (let round = 0; round < 1000; round++) {
      const colours = Array.from({ length: randomInt(random, 0, 6) }, () => randomHex(random));
      const page = round % 2 === 0 ? "#ffffff" : randomHex(random);
      const alpha = round % 3 === 0 ? 0.3 : random();
      expectReadable(highlightStyle(colours, { page, alpha }));
    }
  });

  it("washes a fill towards white or black when neither text colour reads on it", () => {
    // Mid grey: #111827 reaches 4.0:1 and white 4.48:1, both short of 4.5.
    const style = highlightStyle(["#777777"], { page: "#777777", alpha: 1 });
    expect(style.fills).not.toEqual(["#777777"]);
    expectReadable(style);
  });

  it("keeps the code's tint on a white page (no washing needed at 30%)", () => {
    for (const colour of ["#000000", "#1e3a8a", "#7f1d1d", "#64748b"]) {
      const [fill] = highlightStyle([colour]).fills;
      expect(fill).not.toBe("#ffffff");
    }
  });
});
