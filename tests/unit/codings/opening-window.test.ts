import { describe, expect, it } from "vitest";
import { OPENING_CHARACTERS, openingWindow } from "../../../lib/codings/opening-window";

// Turns of 1,000 code points each, with 2 code points between them (a speaker's label, a line break).
const turns = Array.from({ length: 40 }, (_, i) => ({ start: i * 1002, end: i * 1002 + 1000 }));
const textLength = 40 * 1002;

describe("the opening window of a transcript", () => {
  it("starts at the beginning and holds enough turns to fill the first screens", () => {
    const w = openingWindow(turns, textLength, null);
    expect(w).toEqual({ firstTurn: 0, lastTurn: OPENING_CHARACTERS / 1000, start: 0, end: turns[OPENING_CHARACTERS / 1000].start });
  });

  it("counts a short turn as a line, so a run of one-word answers still fills the screen", () => {
    const short = Array.from({ length: 200 }, (_, i) => ({ start: i * 10, end: i * 10 + 5 }));
    expect(openingWindow(short, 2000, null).lastTurn).toBe(OPENING_CHARACTERS / 100);
  });

  it("opens around a linked passage, a couple of turns above it, and covers the whole passage", () => {
    const focus = { start: turns[20].start + 10, end: turns[31].start + 5 };
    const w = openingWindow(turns, textLength, focus);
    expect(w.firstTurn).toBe(18);
    expect(w.lastTurn).toBe(32);
    expect([w.start, w.end]).toEqual([turns[18].start, turns[32].start]);
  });

  it("runs to the end of the text when it reaches the last turn, and is the whole text without turns", () => {
    const w = openingWindow(turns, textLength, { start: textLength - 3, end: textLength - 1 });
    expect([w.lastTurn, w.end]).toEqual([40, textLength]);
    expect(openingWindow([], 1234, null)).toEqual({ firstTurn: 0, lastTurn: 0, start: 0, end: 1234 });
  });
});
