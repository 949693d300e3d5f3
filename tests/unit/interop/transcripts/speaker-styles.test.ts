import fs from "node:fs";
import path from "node:path";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { applySpeakerChoice, parseTranscriptFile } from "../../../../lib/interop/transcripts";
import { sliceByCodePoints } from "../../../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../../../lib/transcripts/plain-text";
import { buildDocx } from "../../../fixtures/interop/transcripts/build";

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "tests", "fixtures", "transcripts", name));

type Parsed = Awaited<ReturnType<typeof parseTranscriptFile>>;
const turns = (file: Parsed) =>
  file.transcript.turns.map((turn) => ({ speaker: turn.speaker, words: sliceByCodePoints(file.transcript.text, turn.start, turn.end), timestampMs: turn.timestampMs }));

describe("transcription services' text exports", () => {
  it("reads Otter's export: name and time alone on a line, the paragraph below, lower-case names", async () => {
    const file = await parseTranscriptFile("otter.txt", fixture("otter-export.txt"));
    expect(turns(file)).toEqual([
      { speaker: "maria l", words: "So shall we start with how the project began?", timestampMs: 3_000 },
      { speaker: "SPEAKER 1", words: "Sure. It began with a small grant, really, and a lot of goodwill.\nMost of the first year went on hiring.", timestampMs: 11_000 },
      { speaker: "maria l", words: "And the second year?", timestampMs: 62_000 },
      { speaker: "SPEAKER 1", words: "The second year was about keeping people.", timestampMs: 4_155_000 },
    ]);
    expect(file.transcript.text.startsWith("Team interview 12 March\n\nmaria l  0:03\n")).toBe(true);
    expect(file.warnings).toEqual([]);
  });

  it("reads Rev's 'Name (00:00:01):' with the words below or after it, and merges one speaker's consecutive paragraphs", async () => {
    const file = await parseTranscriptFile("rev.txt", fixture("rev-export.txt"));
    expect(turns(file)).toEqual([
      { speaker: "Speaker 1", words: "Thanks for making the time today.", timestampMs: 1_000 },
      { speaker: "Dr. O'Neil", words: "Happy to. Where should I begin?", timestampMs: 4_000 },
      { speaker: "Speaker 1", words: "Wherever it started for you.", timestampMs: 9_000 },
      // Two labelled paragraphs of one speaker: one turn, from the first one's time; the
      // second label stays in the text, inside the turn.
      { speaker: "Dr. O'Neil", words: "It started in the lab, late one night.\n\nDr. O'Neil (00:00:31): And then, a year later, in the field.", timestampMs: 12_000 },
    ]);
  });

  it("reads Descript's '[00:00:05] Name:' with diacritics and digits in names; a colon later in a line is words", async () => {
    const file = await parseTranscriptFile("descript.txt", fixture("descript-export.txt"));
    expect(turns(file).map((t) => [t.speaker, t.timestampMs])).toEqual([
      ["Zoë", 0],
      ["P01", 5_000],
      ["Zoë", 7_000],
      ["P01", 9_000],
    ]);
    expect(turns(file)[3].words).toBe("Note: I changed my mind about the budget.");
  });

  it("takes timed labels seen once as speakers when the file is timed throughout", () => {
    const parsed = parsePlainTextTranscript("[00:00:01] Interviewer: Hello.\n\n[00:00:04] Ana Lopes: Hi.");
    expect(parsed.speakers).toEqual(["Interviewer", "Ana Lopes"]);
    expect(parsed.turns.map((t) => t.timestampMs)).toEqual([1_000, 4_000]);
  });
});

describe("what is not a speaker", () => {
  it("a report with 'Background:' headings and a one-off 'Note:' has no speakers, and says which labels it saw once", async () => {
    const file = await parseTranscriptFile("report.txt", fixture("report-with-headings.txt"));
    expect(file.transcript.turns).toEqual([]);
    expect(file.transcript.candidates?.map((c) => [c.speaker, c.occurrences, c.accepted])).toEqual([
      ["Background", 1, false],
      ["Method", 1, false],
      ["Results", 1, false],
    ]);
    expect(file.warnings[0]).toMatch(/No speakers found: “Background”, “Method”, “Results” look like a label/);
  });

  it("a heading repeated through a report, never with words on its line, is not a speaker", () => {
    const parsed = parsePlainTextTranscript("Comment:\nThe first point.\n\nComment:\nThe second point.\n\nComment:\nThe third.");
    expect(parsed.turns).toEqual([]);
    expect(parsed.candidates).toEqual([{ speaker: "Comment", occurrences: 3, accepted: false }]);
  });

  it("a one-off label-shaped line inside an interview stays words of the turn it is in", () => {
    const raw = "Interviewer: Go on.\n\nmaria l: We had no budget.\n\nthe cost was the issue: really.\n\nInterviewer: And then?\n\nmaria l: Then it got better.";
    const parsed = parsePlainTextTranscript(raw);
    expect(parsed.speakers).toEqual(["Interviewer", "maria l"]);
    expect(sliceByCodePoints(parsed.text, parsed.turns[1].start, parsed.turns[1].end)).toBe("We had no budget.\n\nthe cost was the issue: really.");
    const once = parsePlainTextTranscript("Interviewer: Go on.\n\nmaria l: We had no budget.\n\ncost was high: really.\n\nInterviewer: And then?\n\nmaria l: Better.");
    expect(once.candidates?.find((c) => c.speaker === "cost was high")).toEqual({ speaker: "cost was high", occurrences: 1, accepted: false });
  });
});

describe("labels as people write them", () => {
  it.each([
    ["maria l", "maria l: we started in May.\n\nInterviewer: Why?\n\nmaria l: money.\n\nInterviewer: Ok."],
    ["SPEAKER 1", "SPEAKER 1: hello\n\nSPEAKER 2: hi\n\nSPEAKER 1: again\n\nspeaker 2: bye"],
    ["Dr. O'Neil", "Dr. O'Neil: yes\n\nQ: and?\n\nDr. O'Neil: no\n\nQ: ok"],
    ["Zoë", "Zoë: oui\n\nI: et?\n\nzoë: non\n\nI: bon"],
    ["j. r. smith", "j. r. smith: one\n\nI: two\n\nJ. R.  Smith: three\n\nI: four"],
  ])("reads %j when it recurs (case and spacing aside, first spelling kept)", (speaker, raw) => {
    const parsed = parsePlainTextTranscript(raw);
    expect(parsed.speakers[0]).toBe(speaker);
    expect(parsed.turns).toHaveLength(4);
    expect(parsed.turns[2].speaker).toBe(speaker);
    expect(parsed.speakers).toHaveLength(2);
  });

  it("a label seen once becomes a speaker when the user confirms it, and none when they say the file has no speakers", () => {
    const raw = "Interviewer: Hello?\n\nPriya: Hi, I only say one thing.\n\nInterviewer: Thanks.";
    expect(parsePlainTextTranscript(raw).speakers).toEqual(["Interviewer"]);
    const confirmed = parsePlainTextTranscript(raw, { kind: "chosen", labels: ["Interviewer", "priya"] });
    expect(confirmed.turns.map((t) => t.speaker)).toEqual(["Interviewer", "Priya", "Interviewer"]);
    expect(parsePlainTextTranscript(raw, { kind: "none" }).turns).toEqual([]);
    // Dropping a recurring label: its lines become words of the turn before them.
    const dropped = parsePlainTextTranscript(raw, { kind: "chosen", labels: ["Priya"] });
    expect(dropped.turns.map((t) => t.speaker)).toEqual(["Priya"]);
  });
});

describe("Word and text imports merge one speaker's consecutive paragraphs", () => {
  it("a Word transcript labelling every paragraph gives one turn per change of speaker", async () => {
    const file = await parseTranscriptFile("w.docx", buildDocx(["Interviewer: How did it start?", "Ana: With a grant.", "Ana: It was small.", "Interviewer: Then?", "Ana: It grew."]));
    expect(turns(file).map((t) => [t.speaker, t.words])).toEqual([
      ["Interviewer", "How did it start?"],
      ["Ana", "With a grant.\n\nAna: It was small."],
      ["Interviewer", "Then?"],
      ["Ana", "It grew."],
    ]);
  });
});

describe("the preview's choice, applied when the import is stored", () => {
  it("re-reads text formats with the ticked labels, keeps the text, and drops captions' turns only for 'no speakers'", async () => {
    const text = await parseTranscriptFile("a.txt", strToU8("Interviewer: Hello?\n\nPriya: Hi.\n\nInterviewer: Bye."));
    expect(text.transcript.speakers).toEqual(["Interviewer"]);
    const chosen = applySpeakerChoice(text, { kind: "chosen", labels: ["Interviewer", "Priya"] });
    expect(chosen.transcript.text).toBe(text.transcript.text);
    expect(chosen.transcript.speakers).toEqual(["Interviewer", "Priya"]);
    expect(applySpeakerChoice(text, { kind: "none" }).transcript.turns).toEqual([]);
    expect(applySpeakerChoice(text, { kind: "auto" })).toBe(text);

    const vtt = await parseTranscriptFile("m.vtt", strToU8("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hello</v>\n"));
    expect(applySpeakerChoice(vtt, { kind: "chosen", labels: [] }).transcript.turns).toHaveLength(1);
    expect(applySpeakerChoice(vtt, { kind: "none" }).transcript.turns).toEqual([]);
  });
});
