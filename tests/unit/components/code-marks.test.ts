import { describe, expect, it } from "vitest";
import { CODE_PALETTE } from "../../../lib/codes/palette";
import { contrastRatio, parseHex } from "../../../lib/codings/spans/colour";
import { MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST, PATTERNS, abbreviate, assignPatterns, otherPattern, barColour, codeMarks, labelCodes, labelTint } from "../../../components/coding/code-marks";

const contrast = (a: string, b: string) => contrastRatio(parseHex(a)!, parseHex(b)!);

describe("margin labels", () => {
  it("keeps short names and shortens long ones to ten characters at most", () => {
    expect(abbreviate("Trust")).toBe("Trust");
    expect(abbreviate("  Onboarding  ")).toBe("Onboarding");
    expect(abbreviate("Cost versus value")).toBe("Cost v. v.");
    expect(abbreviate("Productivity")).toBe("Productiv…");
    expect(abbreviate("Relationship with the vendor over time")).toBe("Relations…");
    for (const name of ["Cost versus value", "Productivity", "Relationship with the vendor over time", "Ünïcödé naming of things"]) expect([...abbreviate(name)].length).toBeLessThanOrEqual(10);
  });

  it("numbers codes whose labels would coincide, so each label names one code", () => {
    const labels = labelCodes([
      { id: "a", name: "Cost versus value" },
      { id: "b", name: "Cost versus volume" },
      { id: "c", name: "Trust" },
    ]);
    expect([...labels.values()]).toEqual(["Cost v. v. 1", "Cost v. v. 2", "Trust"]);
  });
});

describe("patterns", () => {
  it("gives overlapping codes different patterns, up to four codes over one passage", () => {
    const codings = [
      { codeId: "a", start: 0, end: 50 },
      { codeId: "b", start: 10, end: 20 },
      { codeId: "c", start: 15, end: 60 },
      { codeId: "d", start: 18, end: 19 },
      { codeId: "e", start: 100, end: 120 },
    ];
    // The order makes the cycle's turn of a later code collide with an earlier one's.
    const patterns = assignPatterns(["a", "e", "b", "c", "d"], codings);
    const overlapping = ["a", "b", "c", "d"].map((id) => patterns.get(id));
    expect(new Set(overlapping).size).toBe(4);
    expect(PATTERNS).toContain(patterns.get("e"));
  });

  it("lets codes that never overlap share a pattern but still cycles them", () => {
    const patterns = assignPatterns(["a", "b"], [{ codeId: "a", start: 0, end: 5 }, { codeId: "b", start: 5, end: 9 }]);
    expect(patterns.get("a")).toBe("solid");
    expect(patterns.get("b")).toBe("dashed");
  });

  it("when four patterns cannot separate every pair, lets the pair that meets least share one", () => {
    // e meets a three times and b, c and d once each, which hold the four patterns between them:
    // e shares with one it meets once, not with a (whose pattern its turn in the cycle would give).
    const codings = [
      { codeId: "a", start: 0, end: 100 },
      { codeId: "b", start: 1, end: 3 },
      { codeId: "c", start: 4, end: 6 },
      { codeId: "d", start: 7, end: 9 },
      { codeId: "e", start: 2, end: 3 },
      { codeId: "e", start: 5, end: 6 },
      { codeId: "e", start: 8, end: 9 },
    ];
    const patterns = assignPatterns(["a", "b", "c", "d", "e"], codings);
    expect(new Set(["a", "b", "c", "d"].map((id) => patterns.get(id))).size).toBe(4);
    expect(patterns.get("e")).not.toBe(patterns.get("a"));
    expect(otherPattern("double")).toBe("solid");
    expect(otherPattern("solid")).not.toBe("solid");
  });

  it("does not count one code twice (two analysts, one code) as an overlap", () => {
    const patterns = assignPatterns(["a", "b"], [{ codeId: "a", start: 0, end: 10 }, { codeId: "a", start: 2, end: 8 }, { codeId: "b", start: 20, end: 30 }]);
    expect(patterns.get("a")).toBe("solid");
  });
});

describe("contrast", () => {
  const colours = [...CODE_PALETTE, "#ffff00", "#fde047", "#a3e635", "#ffffff", "#000000", "#64748b", "not a colour"];

  it("puts label text on every palette colour's tint at 4.5:1 or more", () => {
    for (const colour of colours) {
      const { tint, text } = labelTint(colour);
      expect(contrast(text, tint), colour).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  it("draws bars and swatches at 3:1 or more against the page, keeping dark colours as they are", () => {
    for (const colour of colours) expect(contrast(barColour(colour), "#ffffff"), colour).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    expect(barColour("#2563eb")).toBe("#2563eb");
    expect(barColour("#ca8a04")).not.toBe("#ca8a04");
  });

  it("marks every code in view with a label, a pattern and readable colours", () => {
    const marks = codeMarks([{ id: "a", name: "Trust", colour: "#ca8a04" }, { id: "b", name: "Cost", colour: "#2563eb" }], [{ codeId: "a", start: 0, end: 9 }, { codeId: "b", start: 3, end: 5 }]);
    expect(marks.get("a")!.label).toBe("Trust");
    expect(marks.get("a")!.pattern).not.toBe(marks.get("b")!.pattern);
  });
});
