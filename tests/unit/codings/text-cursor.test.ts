import { describe, expect, it } from "vitest";
import { splitsGrapheme } from "../../../lib/codings/spans/graphemes";
import { TextCursor } from "../../../lib/codings/spans/text-cursor";
import { splitsWord } from "../../../lib/codings/spans/words";

describe("TextCursor", () => {
  const text = "a🙂\u0301b\uD800c"; // an astral emoji, a combining mark, a lone surrogate

  it("steps by code points, as offsets.ts counts them", () => {
    const cursor = TextCursor.at(text, 0);
    const seen: string[] = [];
    while (!cursor.atEnd) {
      seen.push(cursor.next());
      cursor.forward();
    }
    expect(seen).toEqual(["a", "🙂", "\u0301", "b", "\uD800", "c"]);
    expect(cursor.offset).toBe(6);
    const back: string[] = [];
    while (cursor.backward()) back.unshift(cursor.next());
    expect(back).toEqual(seen);
  });

  it("walks to another offset, and refuses offsets outside the text", () => {
    const cursor = TextCursor.at(text, 2);
    expect(cursor.prev()).toBe("🙂");
    expect(cursor.moveTo(5).next()).toBe("c");
    expect(cursor.moveTo(1).next()).toBe("🙂");
    expect(() => cursor.clone().moveTo(7)).toThrow(RangeError);
    expect(() => cursor.clone().moveTo(-1)).toThrow(RangeError);
    expect(() => TextCursor.at(text, 7)).toThrow(RangeError);
  });
});

describe("boundaries inside characters and words", () => {
  const inside = (text: string, offset: number) => [splitsGrapheme(TextCursor.at(text, offset)), splitsWord(TextCursor.at(text, offset))];

  it("never splits a letter from its combining mark", () => {
    expect(inside("e\u0301", 1)).toEqual([true, true]);
  });

  it("keeps emoji sequences whole: ZWJ, skin tone, variation selector, keycap, flags", () => {
    expect(inside("👩‍🔬", 1)[0]).toBe(true);
    expect(inside("👩‍🔬", 2)[0]).toBe(true);
    expect(inside("👍🏽", 1)[0]).toBe(true);
    expect(inside("❤️", 1)[0]).toBe(true);
    expect(inside("1️⃣", 2)[0]).toBe(true);
    // Regional indicators pair from the start of their run: PT|BR, not P|TB|R.
    expect([1, 2, 3].map((o) => inside("🇵🇹🇧🇷", o)[0])).toEqual([true, false, true]);
    expect(inside("🙂🙂", 1)).toEqual([false, false]);
  });

  it("joins apostrophes and hyphens only between word characters", () => {
    expect(inside("don't", 3)[1]).toBe(true);
    expect(inside("don't", 4)[1]).toBe(true);
    expect(inside("'yes'", 1)[1]).toBe(false);
    expect(inside("so - on", 3)[1]).toBe(false);
    expect(inside("2-3", 1)[1]).toBe(true);
  });
});
