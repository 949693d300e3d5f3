import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import {
  buildPositionMap,
  CONVENTIONS,
  detectConvention,
  EXPORT_CONVENTION,
  PositionRangeError,
  REFI_POSITION_UNIT,
  toRefiPosition,
  type PositionConvention,
  type SelectionEvidence,
} from "../../../lib/interop/positions";
import { codePointLength, normalizeText, sliceByCodePoints } from "../../../lib/transcripts/offsets";

const CP_TWO: PositionConvention = { unit: "codepoint", crlf: "two", bom: "not-counted" };
const U16_ONE: PositionConvention = { unit: "utf16", crlf: "one", bom: "not-counted" };

/**
 * An independent model of a producer: how many "characters" it counts before `prefix` of
 * the raw file. Only used to make test positions, never by the code under test.
 */
function producerCount(prefix: string, c: PositionConvention): number {
  let count = 0;
  let text = prefix;
  if (text.startsWith("\uFEFF")) {
    if (c.bom === "counted") count++;
    text = text.slice(1);
  }
  count += c.unit === "utf16" ? text.length : [...text].length;
  if (c.crlf === "one") count -= text.split("\r\n").length - 1;
  return count;
}

/** Producer positions of the first occurrence of `quote` in `raw`. */
function producerSpan(raw: string, quote: string, c: PositionConvention): SelectionEvidence {
  const at = raw.indexOf(quote);
  if (at < 0) throw new Error(`${quote} not in raw`);
  return { start: producerCount(raw.slice(0, at), c), end: producerCount(raw.slice(0, at + quote.length), c) };
}

function mapFor(raw: string, c: PositionConvention) {
  return buildPositionMap(raw, normalizeText(raw), c);
}

function selected(raw: string, c: PositionConvention, span: SelectionEvidence): string {
  const text = normalizeText(raw);
  const mapped = mapFor(raw, c).toSpan(span.start, span.end);
  return sliceByCodePoints(text, mapped.start, mapped.end);
}

describe("buildPositionMap", () => {
  it("is the identity for ASCII text with LF under every convention", () => {
    const raw = "Interviewer: Why?\nAna: Because.\n";
    for (const c of CONVENTIONS) {
      const map = mapFor(raw, c);
      expect(map.length).toBe(raw.length);
      for (let p = 0; p <= raw.length; p++) expect(map.toOffset(p)).toEqual({ offset: p, exact: true });
    }
  });

  it("maps past an emoji: one code point, two UTF-16 units", () => {
    const raw = "Ana: 🙂 I loved it";
    const cp = producerSpan(raw, "loved", CP_TWO);
    const u16 = producerSpan(raw, "loved", U16_ONE);
    expect([cp.start, u16.start]).toEqual([9, 10]);
    expect(mapFor(raw, CP_TWO).toSpan(cp.start, cp.end)).toEqual({ start: 9, end: 14, exact: true });
    expect(mapFor(raw, U16_ONE).toSpan(u16.start, u16.end)).toEqual({ start: 9, end: 14, exact: true });
    // Between the two halves of the emoji: not exact; a start rounds down, an end up.
    const inside = raw.indexOf("🙂") + 1;
    expect(mapFor(raw, U16_ONE).toOffset(inside)).toEqual({ offset: 5, exact: false });
    expect(mapFor(raw, U16_ONE).toSpan(inside, inside)).toEqual({ start: 5, end: 6, exact: false });
    expect(mapFor(raw, U16_ONE).length).toBe(raw.length);
    expect(mapFor(raw, CP_TWO).length).toBe(codePointLength(raw));
  });

  it("maps CRLF files counted either way, and flags a position between CR and LF", () => {
    const raw = "Line one\r\nLine two\r\n";
    const text = normalizeText(raw);
    expect(text).toBe("Line one\nLine two\n");
    const two = mapFor(raw, CP_TWO);
    const one = mapFor(raw, { ...CP_TWO, crlf: "one" });
    expect(two.length).toBe(20);
    expect(one.length).toBe(18);
    expect(two.toSpan(10, 18)).toEqual({ start: 9, end: 17, exact: true });
    expect(one.toSpan(9, 17)).toEqual({ start: 9, end: 17, exact: true });
    expect(two.toOffset(8)).toEqual({ offset: 8, exact: true });
    expect(two.toOffset(9)).toEqual({ offset: 8, exact: false });
    expect(two.toOffset(20)).toEqual({ offset: 18, exact: true });
    // A lone CR (old Mac line end) is one character either way.
    expect(mapFor("a\rb", CP_TWO).toOffset(2)).toEqual({ offset: 2, exact: true });
  });

  it("maps a leading BOM counted or not", () => {
    const raw = "\uFEFFHello world";
    expect(mapFor(raw, { ...CP_TWO, bom: "counted" }).toSpan(7, 12)).toEqual({ start: 6, end: 11, exact: true });
    expect(mapFor(raw, CP_TWO).toSpan(6, 11)).toEqual({ start: 6, end: 11, exact: true });
    expect(mapFor(raw, { ...CP_TWO, bom: "counted" }).toOffset(0)).toEqual({ offset: 0, exact: true });
    expect(mapFor(raw, { ...CP_TWO, bom: "counted" }).length).toBe(12);
    expect(mapFor(raw, CP_TWO).length).toBe(11);
  });

  it("maps NFD text onto our NFC text; inside a composed sequence is not exact", () => {
    const raw = "cafe\u0301 noir, Zoe\u0308";
    const text = normalizeText(raw);
    expect(text).toBe("café noir, Zoë");
    const map = mapFor(raw, CP_TWO);
    expect(map.length).toBe(16);
    expect(map.toSpan(6, 10)).toEqual({ start: 5, end: 9, exact: true });
    expect(selected(raw, CP_TWO, producerSpan(raw, "noir", CP_TWO))).toBe("noir");
    expect(map.toOffset(4)).toEqual({ offset: 3, exact: false });
    // A selection ending between "e" and its accent keeps the whole "é".
    expect(map.toSpan(0, 4)).toEqual({ start: 0, end: 4, exact: false });
    expect(map.toOffset(16)).toEqual({ offset: 14, exact: true });
  });

  it("copes with NFC reordering, Hangul jamo and a character NFC expands", () => {
    // Dot below (ccc 220) after acute (ccc 230): NFC reorders, then composes what it can.
    const reordered = "xe\u0301\u0323y";
    expect(mapFor(reordered, CP_TWO).toOffset(4)).toEqual({ offset: codePointLength(normalizeText("xe\u0301\u0323")), exact: true });
    const hangul = "\u1112\u1161\u11AB \uAE00"; // 한 as three jamo, then 글 precomposed
    const map = mapFor(hangul, CP_TWO);
    expect(normalizeText(hangul)).toBe("한 글");
    expect(map.toOffset(3)).toEqual({ offset: 1, exact: true });
    expect(map.toOffset(2)).toEqual({ offset: 0, exact: false });
    // U+0958 DEVANAGARI QA is excluded from composition: NFC makes it two code points.
    const qa = "\u0958a";
    expect(mapFor(qa, CP_TWO).toOffset(1)).toEqual({ offset: 2, exact: true });
  });

  it("agrees with an independent producer model under every convention, on a text with all the traps", () => {
    const raw = "\uFEFFI: 🙂 Zoe\u0308?\r\nR: 👩‍🔬 cafe\u0301 — naïve\r\nI: end 🙂";
    const text = normalizeText(raw);
    const quotes = ["Zoe\u0308?", "cafe\u0301 — naïve", "end 🙂", "R: ", "👩‍🔬"];
    for (const c of CONVENTIONS) {
      const map = mapFor(raw, c);
      expect(map.length).toBe(producerCount(raw, c));
      for (const quote of quotes) {
        const span = producerSpan(raw, quote, c);
        const mapped = map.toSpan(span.start, span.end);
        expect(mapped.exact).toBe(true);
        expect(sliceByCodePoints(text, mapped.start, mapped.end)).toBe(quote.normalize("NFC"));
      }
      // Monotonic over every position.
      let last = 0;
      for (let p = 0; p <= map.length; p++) {
        const { offset } = map.toOffset(p);
        expect(offset).toBeGreaterThanOrEqual(last);
        last = offset;
      }
      expect(last).toBe(codePointLength(text));
    }
  });

  it("maps every exact position onto the normalized prefix, on random text full of traps", () => {
    // Pieces that compose, reorder, expand, split into surrogates or fold line ends.
    const pieces = ["a", "e", "o", " ", "\u0301", "\u0323", "\u0315", "\u0308", "\u1112", "\u1161", "\u11AB", "\uAC00",
      "\u0958", "\u212B", "\u0B47", "\u0B3E", "🙂", "👩‍🔬", "\r\n", "\n", "\r", "é", "ñ"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 60; round++) {
      const body = Array.from({ length: 25 }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const raw = (round % 3 === 0 ? "\uFEFF" : "") + body;
      const text = normalizeText(raw);
      for (const c of CONVENTIONS) {
        const map = mapFor(raw, c);
        expect(map.length).toBe(producerCount(raw, c));
        for (let j = 0; j <= raw.length; j++) {
          const splitsPair = /[\uD800-\uDBFF]/.test(raw[j - 1] ?? "") && /[\uDC00-\uDFFF]/.test(raw[j] ?? "");
          const splitsCrlf = raw[j - 1] === "\r" && raw[j] === "\n";
          if (splitsPair || splitsCrlf) continue;
          const prefix = normalizeText(raw.slice(0, j));
          const { offset, exact } = map.toOffset(producerCount(raw.slice(0, j), c));
          if (exact) expect(sliceByCodePoints(text, 0, offset)).toBe(prefix);
          else expect(offset).toBeLessThanOrEqual(codePointLength(prefix));
        }
      }
    }
  });

  it("refuses positions outside the text with a clear error", () => {
    const map = mapFor("Hello 🙂", CP_TWO);
    expect(map.length).toBe(7);
    expect(() => map.toOffset(8)).toThrow(PositionRangeError);
    expect(() => map.toOffset(8)).toThrow(
      "Selection position 8 is outside the source text, which has 7 characters (Unicode code points, a CRLF counted twice, the byte order mark not counted).",
    );
    expect(() => map.toOffset(-1)).toThrow(/position -1 is outside/);
    expect(() => map.toOffset(2.5)).toThrow(PositionRangeError);
    expect(() => map.toSpan(5, 3)).toThrow(/ends \(3\) before it starts \(5\)/);
    try {
      map.toSpan(0, 99);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "VALIDATION", position: 99, length: 7 });
    }
    expect(mapFor("Hello 🙂", { ...CP_TWO, unit: "utf16" }).toOffset(8)).toEqual({ offset: 7, exact: true });
  });

  it("refuses a normalized text that is not normalizeText(raw)", () => {
    expect(() => buildPositionMap("a\r\nb", "a\r\nb", CP_TWO)).toThrow(/normalizeText/);
  });
});

describe("detectConvention", () => {
  const raw = "\uFEFFQ: 🙂 Why did you leave?\r\nA: 🙂🙂 Money, mostly.\r\nQ: And the team?\r\nA: 👩‍🔬 They were great.\r\n";
  const phrases = ["Why did you leave?", "Money, mostly.", "And the team?", "They were great."];

  it("picks the convention under which the quotes match", () => {
    for (const truth of CONVENTIONS) {
      const selections = phrases.map((quote) => ({ ...producerSpan(raw, quote, truth), quote }));
      const guess = detectConvention(raw, normalizeText(raw), selections);
      expect(guess.convention).toEqual(truth);
      expect(guess.evidence).toBe("quotes");
      expect(guess.scores[0].quotesMatched).toBe(4);
      expect(guess.scores).toHaveLength(8);
    }
  });

  it("matches quotes that a producer shortened or spread over lines", () => {
    const selections = [
      { ...producerSpan(raw, "Money, mostly.\r\nQ: And the team?", U16_ONE), quote: "Money, mostly.\nQ: And the team?" },
      { ...producerSpan(raw, "They were great.", U16_ONE), quote: "They were…" },
    ];
    const guess = detectConvention(raw, normalizeText(raw), selections);
    expect(guess.convention).toEqual(U16_ONE);
    expect(guess.scores[0].quotesMatched).toBe(2);
  });

  it("without quotes, prefers the convention whose bounds fall between words", () => {
    const truth: PositionConvention = { unit: "utf16", crlf: "two", bom: "counted" };
    const words = ["Why", "leave", "Money", "mostly", "team", "They", "great"];
    const selections = words.map((word) => ({ ...producerSpan(raw, word, truth), quote: null }));
    const guess = detectConvention(raw, normalizeText(raw), selections);
    expect(guess.convention).toEqual(truth);
    expect(guess.evidence).toBe("bounds");
    expect(guess.scores[0].misplacedBounds).toBe(0);
  });

  it("does not count names that are not quotes (qc writes \"line:6\") as evidence", () => {
    const plain = "first line\nsecond line\n";
    const guess = detectConvention(plain, plain, [{ start: 11, end: 23, quote: "line:2" }]);
    expect(guess).toEqual({
      convention: CONVENTIONS[0],
      evidence: "default",
      scores: [{ convention: CONVENTIONS[0], quotesMatched: 0, outOfRange: 0, misplacedBounds: 0 }],
    });
  });

  it("counts selections out of range against a convention", () => {
    const text = "ab 🙂🙂🙂 cd";
    // Ends at 11: inside the UTF-16 length (12), past the code point length (9).
    const guess = detectConvention(text, text, [{ start: 9, end: 11 }]);
    expect(guess.convention.unit).toBe("utf16");
    expect(guess.scores.find((s) => s.convention.unit === "codepoint")?.outOfRange).toBe(1);
  });
});

describe("export positions", () => {
  it("writes our code point offsets as they are, and says so in one constant", () => {
    expect(REFI_POSITION_UNIT).toBe("codepoint");
    expect(EXPORT_CONVENTION.unit).toBe(REFI_POSITION_UNIT);
    const text = normalizeText("Zoë: 👩‍🔬 cafe\u0301\r\nAna: 🙂 ok");
    const length = codePointLength(text);
    expect(toRefiPosition(5, length)).toBe(5);
    expect(toRefiPosition(length, length)).toBe(length);
    expect(() => toRefiPosition(length + 1, length)).toThrow(RangeError);
    expect(() => toRefiPosition(-1, length)).toThrow(RangeError);
    // Reading our own export back with EXPORT_CONVENTION gives the offsets we wrote.
    const map = buildPositionMap(text, text, EXPORT_CONVENTION);
    for (let offset = 0; offset <= length; offset++) {
      expect(map.toOffset(toRefiPosition(offset, length))).toEqual({ offset, exact: true });
    }
  });
});
