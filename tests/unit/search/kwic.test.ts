import { describe, expect, it } from "vitest";
import { contextOf, phrasePattern, queryWords, turnAt } from "../../../lib/search/kwic";

describe("contextOf", () => {
  it("keeps a short line whole, with nothing cut", () => {
    const text = "Ana: We label the images ourselves.";
    const start = text.indexOf("label");
    expect(contextOf(text, start, start + 5)).toEqual({ before: "Ana: We ", match: "label", after: " the images ourselves.", cutBefore: false, cutAfter: false });
  });

  it("stays on the hit's line", () => {
    const text = "Interviewer: Why?\nAna: Because labelling is slow.\nInterviewer: I see.";
    const start = text.indexOf("labelling");
    const c = contextOf(text, start, start + 9);
    expect(c.before).toBe("Ana: Because ");
    expect(c.after).toBe(" is slow.");
    expect([c.cutBefore, c.cutAfter]).toEqual([false, false]);
  });

  it("cuts a long line at word boundaries, never inside a word", () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const text = `${words.join(" ")} HIT ${words.join(" ")}`;
    const start = text.indexOf("HIT");
    const c = contextOf(text, start, start + 3, 40);
    expect(c.cutBefore && c.cutAfter).toBe(true);
    expect(c.before.length).toBeLessThanOrEqual(40);
    expect(c.after.length).toBeLessThanOrEqual(40);
    expect(c.before.split(" ").filter(Boolean).every((w) => words.includes(w))).toBe(true);
    expect(c.after.split(" ").filter(Boolean).every((w) => words.includes(w))).toBe(true);
    expect(c.before.endsWith("word59 ")).toBe(true);
    expect(c.after.startsWith(" word0 ")).toBe(true);
  });

  it("does not split an emoji when a line has no spaces to cut at", () => {
    const text = `${"😀".repeat(50)}x${"😀".repeat(50)}`;
    const start = text.indexOf("x");
    const c = contextOf(text, start, start + 1, 21);
    expect(c.before).toBe("😀".repeat(10));
    expect(c.after).toBe("😀".repeat(10));
  });
});

describe("phrasePattern", () => {
  it("ignores case and spacing, and matches whole words only", () => {
    const p = phrasePattern('"machine  learning"')!;
    expect("Machine Learning, machine\nlearning, machinelearning, machine learnings".match(p)).toEqual(["Machine Learning", "machine\nlearning"]);
  });

  it("takes characters regular expressions treat specially literally", () => {
    expect("cost (a.k.a. price) and cost (aXkXa".match(phrasePattern("(a.k.a.")!)).toEqual(["(a.k.a."]);
    expect(phrasePattern('  ""  ')).toBeNull();
  });
});

describe("queryWords and turnAt", () => {
  it("splits a query into distinct words of letters and digits", () => {
    expect(queryWords("GPU & label's, label | x86!")).toEqual(["GPU", "label", "s", "x86"]);
    expect(queryWords("&& !!")).toEqual([]);
  });

  it("finds the turn holding an offset, or none between turns", () => {
    const turns = [
      { start: 13, end: 20, speaker: "Interviewer", role: "interviewer" },
      { start: 26, end: 40, speaker: "Ana", role: "respondent" },
    ];
    expect(turnAt(turns, 13)?.speaker).toBe("Interviewer");
    expect(turnAt(turns, 19)?.speaker).toBe("Interviewer");
    expect(turnAt(turns, 20)).toBeNull();
    expect(turnAt(turns, 39)?.speaker).toBe("Ana");
    expect(turnAt(turns, 2)).toBeNull();
  });
});
