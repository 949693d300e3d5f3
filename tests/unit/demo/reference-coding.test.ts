import { beforeAll, describe, expect, it } from "vitest";
import { type DemoData, readDemoData } from "../../../lib/demo/files";
import { PassageError, occurrencesOf, resolveReferenceCoding } from "../../../lib/demo/reference-coding";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../../lib/transcripts/plain-text";

describe("resolveReferenceCoding", () => {
  const text = "Interviewer: Why?\n\nAna: Cost 🙂, mostly. Cost 🙂, mostly. And café.";

  it("turns a quoted passage into code point offsets", () => {
    const [coding] = resolveReferenceCoding("P99", text, [{ code: "cost", coders: ["A"], text: "And café." }]);
    expect(coding).toMatchObject({ code: "cost", coder: "A", quote: "And café.", memo: "" });
    // Two astral emoji before it: UTF-16 counts two more units than code points.
    expect(coding.start).toBe(text.indexOf("And café.") - 2);
    expect(sliceByCodePoints(text, coding.start, coding.end)).toBe("And café.");
  });

  it("honours a 1-based occurrence and gives each coder a row", () => {
    const resolved = resolveReferenceCoding("P99", text, [{ code: "cost", coders: ["A", "B"], text: "Cost 🙂, mostly.", occurrence: 2, memo: "twice" }]);
    expect(resolved.map((c) => c.coder)).toEqual(["A", "B"]);
    const second = [...text].join("").indexOf("Cost 🙂, mostly.", text.indexOf("Cost") + 1);
    expect(resolved[0].start).toBe([...text.slice(0, second)].length);
    expect(resolved[0].memo).toBe("twice");
    expect(sliceByCodePoints(text, resolved[0].start, resolved[0].end)).toBe("Cost 🙂, mostly.");
  });

  it("matches a passage written with a combining mark against the NFC text", () => {
    const [coding] = resolveReferenceCoding("P99", text, [{ code: "cost", coders: ["B"], text: "And cafe\u0301." }]);
    expect(coding.quote).toBe("And café.");
  });

  it.each([
    [{ code: "cost", coders: ["A" as const], text: "Price, mostly." }, /P99: coding 1 \(cost\): passage not found in the transcript: "Price, mostly\."/],
    [{ code: "cost", coders: ["A" as const], text: "Cost 🙂, mostly." }, /occurs 2 times; say which with "occurrence"/],
    [{ code: "cost", coders: ["A" as const], text: "Cost 🙂, mostly.", occurrence: 3 }, /occurrence 3 asked for, but the passage occurs 2 time/],
  ])("fails loudly, naming the case and passage: %j", (entry, message) => {
    expect(() => resolveReferenceCoding("P99", text, [entry])).toThrow(PassageError);
    expect(() => resolveReferenceCoding("P99", text, [entry])).toThrow(message);
  });

  it("refuses the same coder, code and span twice", () => {
    const entry = { code: "cost", coders: ["A" as const], text: "And café." };
    expect(() => resolveReferenceCoding("P99", text, [entry, entry])).toThrow(/coding 2 \(cost\): coder A already has this code/);
  });

  it("counts overlapping occurrences", () => {
    expect(occurrencesOf("aaaa", "aa")).toEqual([0, 1, 2]);
    expect(occurrencesOf("abc", "")).toEqual([]);
  });
});

describe("the demo's reference coding", () => {
  let data: DemoData;
  beforeAll(async () => {
    data = await readDemoData();
  });

  it("places every passage at exactly one place, inside one speaker's words", () => {
    let total = 0;
    for (const demoCase of data.cases) {
      const { text, turns } = parsePlainTextTranscript(demoCase.transcript);
      for (const entry of demoCase.codings) {
        const found = occurrencesOf(text, entry.text).length;
        if (entry.occurrence === undefined) expect(found, `${demoCase.name}: ${entry.text}`).toBe(1);
        else expect(entry.occurrence, `${demoCase.name}: ${entry.text}`).toBeLessThanOrEqual(found);
      }
      const resolved = resolveReferenceCoding(demoCase.name, text, demoCase.codings);
      for (const coding of resolved) {
        expect(sliceByCodePoints(text, coding.start, coding.end)).toBe(coding.quote);
        const inTurn = turns.some((turn) => turn.start <= coding.start && coding.end <= turn.end);
        expect(inTurn, `${demoCase.name}: "${coding.quote}" lies within one turn's spoken words`).toBe(true);
      }
      expect(resolved.length).toBe(demoCase.codings.reduce((n, c) => n + c.coders.length, 0));
      total += resolved.length;
    }
    expect(total).toBeGreaterThan(32 * 14);
  });

  it("gives both analysts codings in every transcript", () => {
    for (const demoCase of data.cases) {
      const coders = new Set(demoCase.codings.flatMap((c) => c.coders));
      expect([...coders].sort(), demoCase.name).toEqual(["A", "B"]);
    }
  });
});
