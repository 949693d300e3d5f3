import { beforeAll, describe, expect, it } from "vitest";
import { type DemoData, readDemoData } from "../../../lib/demo/files";
import { parsePlainTextTranscript, parseSpeakerLabel } from "../../../lib/transcripts/plain-text";

let data: DemoData;
beforeAll(async () => {
  data = await readDemoData();
});

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Whether every part occurs in `text`, each after the one before. */
function containsInOrder(text: string, parts: string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}

describe("demo transcripts", () => {
  it("each contain the report quotations of their case and no other's", () => {
    expect(data.quotes.length).toBeGreaterThan(0);
    for (const quote of data.quotes) {
      const where = data.cases.filter((c) => containsInOrder(parsePlainTextTranscript(c.transcript).text, quote.parts)).map((c) => c.name);
      expect(where, quote.id).toEqual([quote.case]);
    }
  });

  it("parse into turns by the Interviewer and every respondent of cases.csv, and nobody else", () => {
    for (const demoCase of data.cases) {
      const { turns, speakers } = parsePlainTextTranscript(demoCase.transcript);
      expect(new Set(speakers), demoCase.name).toEqual(new Set(["Interviewer", ...demoCase.respondents]));
      expect(speakers.length, demoCase.name).toBeGreaterThanOrEqual(2);
      expect(parseSpeakerLabel(demoCase.transcript.split("\n")[0]), `${demoCase.name} opens with a label`).not.toBeNull();
      for (const turn of turns) expect(turn.end, demoCase.name).toBeGreaterThan(turn.start);
    }
  });

  it("time every turn in the four timestamped interviews, increasingly", () => {
    for (const demoCase of data.cases) {
      const stamps = parsePlainTextTranscript(demoCase.transcript).turns.map((t) => t.timestampMs);
      if (!["P03", "P11", "P19", "P27"].includes(demoCase.name)) {
        expect(stamps.every((s) => s === null), demoCase.name).toBe(true);
        continue;
      }
      expect(stamps.every((s) => s !== null), demoCase.name).toBe(true);
      const times = stamps as number[];
      expect(times.every((t, i) => i === 0 || t > times[i - 1]), demoCase.name).toBe(true);
    }
  });

  it("run 1,200 to 2,500 words each and about 55,000 in all", () => {
    const counts = data.cases.map((c) => words(c.transcript));
    for (const [i, n] of counts.entries()) {
      expect(n, data.cases[i].name).toBeGreaterThanOrEqual(1200);
      expect(n, data.cases[i].name).toBeLessThanOrEqual(2500);
    }
    const sum = counts.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThanOrEqual(50_000);
    expect(sum).toBeLessThanOrEqual(60_000);
  });

  it("are stored normalized already (LF, NFC, no byte order mark)", () => {
    for (const demoCase of data.cases) expect(parsePlainTextTranscript(demoCase.transcript).text, demoCase.name).toBe(demoCase.transcript);
  });
});
