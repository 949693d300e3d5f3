import { describe, expect, it } from "vitest";
import { type CaretOptions, type CaretUnit, extendFocus, moveCaret } from "../../../lib/codings/spans/caret";
import type { Direction } from "../../../lib/codings/spans/types";
import { codePointLength } from "../../../lib/transcripts/offsets";
import { mark } from "./marked";

// Every stop a caret makes pressing the same key from one end of the text to the other.
function tour(text: string, move: typeof moveCaret, direction: Direction, unit: CaretUnit, options?: CaretOptions): number[] {
  let offset = direction === "forward" ? 0 : codePointLength(text);
  const stops: number[] = [];
  for (;;) {
    const next = move(text, offset, direction, unit, options);
    if (next === offset) return stops;
    expect(direction === "forward" ? next > offset : next < offset).toBe(true);
    stops.push((offset = next));
  }
}

const marks = (text: string, stops: number[]) => stops.map((s) => mark(text, s, s));

describe("moveCaret by word", () => {
  const text = "I don't know 🙂, well-known — café.";

  it("goes forward to the start of each word, then to the end of the last", () => {
    expect(marks(text, tour(text, moveCaret, "forward", "word"))).toEqual([
      "I |don't know 🙂, well-known — café.",
      "I don't |know 🙂, well-known — café.",
      "I don't know 🙂, |well-known — café.",
      "I don't know 🙂, well-known — |café.",
      "I don't know 🙂, well-known — café|.",
    ]);
  });

  it("goes backward to the start of each word", () => {
    expect(marks(text, tour(text, moveCaret, "backward", "word"))).toEqual([
      "I don't know 🙂, well-known — |café.",
      "I don't know 🙂, |well-known — café.",
      "I don't |know 🙂, well-known — café.",
      "I |don't know 🙂, well-known — café.",
      "|I don't know 🙂, well-known — café.",
    ]);
  });

  it("counts code points after astral characters", () => {
    const withEmoji = "🙂🙂 ab cd";
    expect(moveCaret(withEmoji, 0, "forward", "word")).toBe(3);
    expect(moveCaret(withEmoji, 3, "forward", "word")).toBe(6);
  });
});

describe("extendFocus by word", () => {
  it("grows a selection to word ends forward and word starts backward", () => {
    const text = "We left, finally. Then";
    expect(marks(text, tour(text, extendFocus, "forward", "word"))).toEqual(["We| left, finally. Then", "We left|, finally. Then", "We left, finally|. Then", "We left, finally. Then|"]);
    expect(extendFocus(text, 7, "backward", "word")).toBe(3);
  });

  it("stays put where there is no further word", () => {
    expect(extendFocus("end. ", 3, "forward", "word")).toBe(3);
    expect(extendFocus("  end", 2, "backward", "word")).toBe(2);
  });
});

describe("characters", () => {
  it("steps over whole emoji sequences and accented letters", () => {
    const text = "a👩‍🔬e\u0301🇵🇹b";
    expect(marks(text, tour(text, moveCaret, "forward", "character"))).toEqual(["a|👩‍🔬é🇵🇹b", "a👩‍🔬|é🇵🇹b", "a👩‍🔬é|🇵🇹b", "a👩‍🔬é🇵🇹|b", "a👩‍🔬é🇵🇹b|"].map((m) => m.replace("é", "e\u0301")));
    expect(tour(text, extendFocus, "backward", "character")).toEqual([8, 6, 4, 1, 0]);
  });
});

describe("sentences", () => {
  const text = "Dr. Okafor came. She said “no.” Then… we left 3.5 hours later!\nAna: Yes\n\nOK";

  it("moves to sentence starts, skipping titles, decimals and hesitations", () => {
    expect(marks(text, tour(text, moveCaret, "forward", "sentence"))).toEqual([
      "Dr. Okafor came. |She said “no.” Then… we left 3.5 hours later!\nAna: Yes\n\nOK",
      "Dr. Okafor came. She said “no.” |Then… we left 3.5 hours later!\nAna: Yes\n\nOK",
      "Dr. Okafor came. She said “no.” Then… we left 3.5 hours later!\n|Ana: Yes\n\nOK",
      "Dr. Okafor came. She said “no.” Then… we left 3.5 hours later!\nAna: Yes\n\n|OK",
      "Dr. Okafor came. She said “no.” Then… we left 3.5 hours later!\nAna: Yes\n\nOK|",
    ]);
  });

  it("extends to sentence ends, after closing quotes", () => {
    expect(marks(text, tour(text, extendFocus, "forward", "sentence")).slice(0, 3)).toEqual([
      "Dr. Okafor came.| She said “no.” Then… we left 3.5 hours later!\nAna: Yes\n\nOK",
      "Dr. Okafor came. She said “no.”| Then… we left 3.5 hours later!\nAna: Yes\n\nOK",
      "Dr. Okafor came. She said “no.” Then… we left 3.5 hours later!|\nAna: Yes\n\nOK",
    ]);
    expect(moveCaret(text, 20, "backward", "sentence")).toBe(17);
    expect(moveCaret(text, 17, "backward", "sentence")).toBe(0);
  });

  it("ends sentences at ideographic full stops without spaces", () => {
    expect(moveCaret("你好。我很好。", 0, "forward", "sentence")).toBe(3);
  });
});

describe("turns", () => {
  const text = "Interviewer: Why?\n\nAna: Cost 🙂, mostly.\n\nInterviewer: And?";
  const turns = [
    { start: 13, end: 17 },
    { start: 24, end: 39 },
    { start: 54, end: 58 },
  ];

  it("moves between the starts of the speaker turns given", () => {
    expect(tour(text, moveCaret, "forward", "turn", { turns })).toEqual([13, 24, 54, 58]);
    expect(tour(text, moveCaret, "backward", "turn", { turns })).toEqual([54, 24, 13]);
    expect(extendFocus(text, 26, "forward", "turn", { turns })).toBe(39);
    expect(extendFocus(text, 26, "backward", "turn", { turns })).toBe(24);
  });

  it("falls back to paragraphs without turns", () => {
    expect(tour(text, moveCaret, "forward", "turn")).toEqual([19, 54 - 13, codePointLength(text)]);
    expect(extendFocus(text, 0, "forward", "turn")).toBe(17);
  });

  it("refuses an offset outside the text", () => {
    expect(() => moveCaret("abc", 4, "forward", "word")).toThrow(RangeError);
  });
});
