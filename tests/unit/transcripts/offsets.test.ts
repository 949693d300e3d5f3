import { describe, expect, it } from "vitest";
import {
  codePointIndex,
  codePointLength,
  codePointToUtf16,
  normalizeText,
  sliceByCodePoints,
  utf16ToCodePoint,
} from "../../../lib/transcripts/offsets";

// "🙂" is one code point and two UTF-16 units; "e\u0301" is two code points until NFC.
const TEXT = "Ana 🙂: café 👩‍🔬 naïve";

describe("code point offsets", () => {
  it("count code points, not UTF-16 units", () => {
    expect("🙂".length).toBe(2);
    expect(codePointLength("🙂")).toBe(1);
    // Woman scientist is a ZWJ sequence of three code points (two of them astral).
    expect(codePointLength("👩‍🔬")).toBe(3);
    expect(codePointLength(TEXT)).toBe([...TEXT].length);
  });

  it("round-trip every boundary between the two units", () => {
    const index = codePointIndex(TEXT);
    for (let cp = 0; cp <= codePointLength(TEXT); cp++) {
      const u = codePointToUtf16(TEXT, cp);
      expect(index.toUtf16(cp)).toBe(u);
      expect(utf16ToCodePoint(TEXT, u)).toBe(cp);
      expect(index.toCodePoint(u)).toBe(cp);
    }
  });

  it("slice the same text PostgreSQL's substr would", () => {
    const chars = [...TEXT];
    expect(sliceByCodePoints(TEXT, 4, 5)).toBe("🙂");
    expect(sliceByCodePoints(TEXT, 7, 11)).toBe(chars.slice(7, 11).join(""));
  });

  it("refuse an index inside a surrogate pair or outside the text", () => {
    const inside = TEXT.indexOf("🙂") + 1;
    expect(() => utf16ToCodePoint(TEXT, inside)).toThrow(/splits a character/);
    expect(() => codePointIndex(TEXT).toCodePoint(inside)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, codePointLength(TEXT) + 1)).toThrow(/outside/);
    expect(() => utf16ToCodePoint(TEXT, -1)).toThrow(RangeError);
  });

  it("normalize once: BOM, CRLF and CR, combining marks to NFC", () => {
    const raw = "\uFEFFInterviewer: cafe\u0301?\r\nAna: yes\rok";
    const text = normalizeText(raw);
    expect(text).toBe("Interviewer: café?\nAna: yes\nok");
    expect(codePointLength("cafe\u0301")).toBe(5);
    expect(codePointLength(normalizeText("cafe\u0301"))).toBe(4);
  });
});
