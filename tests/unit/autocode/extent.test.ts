import { describe, expect, it } from "vitest";
import { mergeSpans, turnAt, widen, type Turn } from "../../../lib/autocode/extent";

// Two turns; the respondent's has two paragraphs and an emoji before the word looked for,
// so a UTF-16 offset would land two places off.
const TEXT = "Interviewer: Why the cloud? Tell me.\n\nAna: It was 🙂 cheap. Labels cost a lot! We paid \"too much.\" Then we left.\nThe second paragraph, about labels.\n\nInterviewer: Thanks.";
const chars = Array.from(TEXT);
const at = (needle: string, from = 0) => Array.from(TEXT.slice(0, TEXT.indexOf(needle, from))).length;
const hit = (needle: string, from = 0) => ({ start: at(needle, from), end: at(needle, from) + Array.from(needle).length });
const text = (s: { start: number; end: number }) => chars.slice(s.start, s.end).join("");

const turns: Turn[] = [
  { index: 0, speaker: "Interviewer", start: at("Why the cloud"), end: at("\n\nAna") },
  { index: 1, speaker: "Ana", start: at("It was"), end: at("\n\nInterviewer: Thanks") },
  { index: 2, speaker: "Interviewer", start: at("Thanks."), end: chars.length },
];

describe("widening a hit", () => {
  it("keeps a hit as it is", () => {
    expect(text(widen(chars, turns, hit("cheap"), "hit"))).toBe("cheap");
  });

  it("widens to the sentence, counting the emoji as one code point", () => {
    const s = widen(chars, turns, hit("cheap"), "sentence");
    expect(text(s)).toBe("It was 🙂 cheap.");
    expect(s.start).toBe(turns[1].start);
    expect(text(widen(chars, turns, hit("cost"), "sentence"))).toBe("Labels cost a lot!");
  });

  it("keeps closing quotes with their sentence and stops at a line break", () => {
    expect(text(widen(chars, turns, hit("paid"), "sentence"))).toBe('We paid "too much."');
    expect(text(widen(chars, turns, hit("left"), "sentence"))).toBe("Then we left.");
    expect(text(widen(chars, turns, hit("about labels"), "sentence"))).toBe("The second paragraph, about labels.");
  });

  it("does not cross into the label or the previous turn", () => {
    expect(text(widen(chars, turns, hit("Why"), "sentence"))).toBe("Why the cloud?");
    expect(text(widen(chars, turns, hit("Thanks"), "paragraph"))).toBe("Thanks.");
  });

  it("widens to the paragraph inside the turn", () => {
    expect(text(widen(chars, turns, hit("cost"), "paragraph"))).toBe('It was 🙂 cheap. Labels cost a lot! We paid "too much." Then we left.');
    expect(text(widen(chars, turns, hit("second"), "paragraph"))).toBe("The second paragraph, about labels.");
  });

  it("widens to the whole speaker turn, and across turns when the hit spans them", () => {
    const turn = widen(chars, turns, hit("second"), "turn");
    expect(turn).toEqual({ start: turns[1].start, end: turns[1].end });
    expect(widen(chars, turns, { start: at("Tell"), end: at("It was") + 2 }, "turn")).toEqual({ start: turns[0].start, end: turns[1].end });
  });

  it("widens text outside every turn to its line", () => {
    const header = Array.from("Header line\nInterviewer: Hi.");
    expect(widen(header, [{ index: 0, speaker: "Interviewer", start: 25, end: 28 }], { start: 0, end: 6 }, "turn")).toEqual({ start: 0, end: 11 });
  });

  it("finds the turn holding an offset", () => {
    expect(turnAt(turns, at("cheap"))?.index).toBe(1);
    expect(turnAt(turns, at("Ana:"))).toBeNull();
  });
});

describe("merging passages", () => {
  it("makes two hits in one sentence one passage", () => {
    const a = widen(chars, turns, hit("Labels"), "sentence");
    const b = widen(chars, turns, hit("lot"), "sentence");
    expect(mergeSpans([b, a])).toEqual([a]);
  });

  it("joins overlaps, keeps touching spans apart, and sorts", () => {
    expect(mergeSpans([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 15, end: 30 }, { start: 5, end: 8 }])).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 8 },
      { start: 10, end: 30 },
    ]);
    expect(mergeSpans([{ start: 3, end: 9 }, { start: 4, end: 6 }])).toEqual([{ start: 3, end: 9 }]);
  });
});
