import { describe, expect, it } from "vitest";
import { scrollToShow, visibleRows } from "../../../lib/codes/window";

describe("visibleRows", () => {
  const base = { count: 10_000, rowHeight: 28, viewport: 560, overscan: 5 };

  it("draws the rows in view and a few below at the top of the list", () => {
    expect(visibleRows({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 26, before: 0, after: (10_000 - 26) * 28 });
  });

  it("draws the rows in view with a few either side in the middle, and keeps the list's full height", () => {
    const w = visibleRows({ ...base, scrollTop: 28 * 1000 + 10 });
    expect(w.start).toBe(995);
    expect(w.end).toBe(1000 + 21 + 5);
    expect(w.before + (w.end - w.start) * 28 + w.after).toBe(10_000 * 28);
    expect(w.before).toBe(995 * 28);
  });

  it("stops at the end of the list, even scrolled past it", () => {
    const w = visibleRows({ ...base, scrollTop: 28 * 20_000 });
    expect(w.end).toBe(10_000);
    expect(w.start).toBeLessThan(w.end);
    expect(w.after).toBe(0);
  });

  it("draws a short list whole, and nothing for an empty one", () => {
    expect(visibleRows({ ...base, count: 7, scrollTop: 0 })).toEqual({ start: 0, end: 7, before: 0, after: 0 });
    expect(visibleRows({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it("reads a negative scroll (elastic overscroll) as the top", () => {
    expect(visibleRows({ ...base, scrollTop: -40 }).start).toBe(0);
  });
});

describe("scrollToShow", () => {
  const at = (scrollTop: number, index: number) => scrollToShow({ scrollTop, viewport: 256, rowHeight: 32, index });

  it("leaves the scroll alone when the row is in view", () => {
    expect(at(0, 0)).toBe(0);
    expect(at(0, 7)).toBe(0);
    expect(at(320, 12)).toBe(320);
  });

  it("scrolls down just enough to show a row below the view (arrow down)", () => {
    expect(at(0, 8)).toBe(9 * 32 - 256);
  });

  it("scrolls up to a row above the view (arrow up)", () => {
    expect(at(320, 9)).toBe(9 * 32);
  });
});
