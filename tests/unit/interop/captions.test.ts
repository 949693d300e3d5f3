import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { CaptionParseError, parseCaptionFile, parseSrt, parseWebVtt, UNKNOWN_SPEAKER } from "../../../lib/interop/captions";
import { normalizeText, sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { parsePlainTextTranscript, type PlainTextTranscript } from "../../../lib/transcripts/plain-text";

const FIXTURES = join(__dirname, "../../fixtures/interop/captions");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

function spoken(parsed: PlainTextTranscript) {
  return parsed.turns.map((turn) => ({
    speaker: turn.speaker,
    words: sliceByCodePoints(parsed.text, turn.start, turn.end),
    timestampMs: turn.timestampMs,
  }));
}

/** Every turn is "Speaker: words" in its own paragraph, and the text is already normalized. */
function expectWellFormed(parsed: PlainTextTranscript): void {
  expect(normalizeText(parsed.text)).toBe(parsed.text);
  const paragraphs = parsed.text.replace(/\n$/, "").split("\n\n");
  expect(paragraphs).toHaveLength(parsed.turns.length);
  parsed.turns.forEach((turn, i) => {
    expect(paragraphs[i]).toBe(`${turn.speaker}: ${sliceByCodePoints(parsed.text, turn.start, turn.end)}`);
  });
  expect(parsed.speakers).toEqual([...new Set(parsed.turns.map((t) => t.speaker))]);
}

const crlfWithBom = (text: string) => `\uFEFF${text.replace(/\n/g, "\r\n")}`;

function thrown(run: () => unknown): CaptionParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CaptionParseError);
    return error as CaptionParseError;
  }
  throw new Error("expected a CaptionParseError");
}

describe("WebVTT in the shape Teams writes (<v Name> voice spans)", () => {
  const parsed = parseWebVtt(fixture("teams-meeting.vtt"));

  it("takes speakers from voice spans, merges a speaker's consecutive cues, decodes references", () => {
    expect(spoken(parsed)).toEqual([
      { speaker: "Priya Raman", words: "Thanks for joining. Can you hear me all right? We'll keep it to half an hour.", timestampMs: 3_120 },
      { speaker: "Tomás Ó Briain", words: "Yes, loud & clear. I'm in the office today, so <some> noise.", timestampMs: 8_600 },
      { speaker: "Priya Raman", words: "Great.", timestampMs: 12_400 },
    ]);
    expect(parsed.speakers).toEqual(["Priya Raman", "Tomás Ó Briain"]);
    expectWellFormed(parsed);
  });

  it("reads like our plain-text format: the plain-text parser finds the same turns in the text, given its speakers", () => {
    // A speaker heard once is not a speaker to the plain-text parser until confirmed.
    const again = parsePlainTextTranscript(parsed.text, { kind: "chosen", labels: parsed.speakers });
    expect(again.turns.map(({ speaker, start, end }) => ({ speaker, start, end }))).toEqual(
      parsed.turns.map(({ speaker, start, end }) => ({ speaker, start, end })),
    );
  });

  it("handles voices without </v>, with classes, several in one cue, and text before the first", () => {
    const vtt = [
      "WEBVTT",
      "",
      "00:01.000 --> 00:02.000",
      "<v.first.loud Mina Park>No closing tag here",
      "and a second line",
      "",
      "00:02.000 --> 00:03.000",
      "<v Mina Park>Short.</v> <v Joe Bloggs>Interrupting!</v>",
      "",
      "00:03.000 --> 00:04.000",
      "still Joe, no voice",
      "<v Mina Park>Mina again",
      "",
      "00:04.000 --> 00:05.000",
      "<v>a voice without a name continues Mina",
    ].join("\n");
    expect(spoken(parseWebVtt(vtt))).toEqual([
      { speaker: "Mina Park", words: "No closing tag here and a second line Short.", timestampMs: 1_000 },
      { speaker: "Joe Bloggs", words: "Interrupting! still Joe, no voice", timestampMs: 2_000 },
      { speaker: "Mina Park", words: "Mina again a voice without a name continues Mina", timestampMs: 3_000 },
    ]);
  });
});

describe("captions with \"Name: words\" labels (Zoom, Otter)", () => {
  it("reads Zoom's display names, lets unlabelled cues continue the turn, ignores colons later in the line", () => {
    const parsed = parseWebVtt(fixture("zoom-meeting.vtt"));
    expect(spoken(parsed)).toEqual([
      { speaker: "Dr. Amina Yusuf (she/her)", words: "So, to start, how long have you worked on the ward?", timestampMs: 1_250 },
      // "kofi" is lower case, so not a name by itself; it labels two cues, which makes it one.
      { speaker: "kofi", words: "About six years. Before that I was in outpatients. Mostly nights, though.", timestampMs: 7_500 },
      { speaker: "Dr. Amina Yusuf (she/her)", words: "Nights: how was that?", timestampMs: 16_500 },
    ]);
    expectWellFormed(parsed);
  });

  it("reads Otter's SRT, where only the first cue of a paragraph carries the name", () => {
    const parsed = parseSrt(fixture("otter-interview.srt"));
    expect(spoken(parsed)).toEqual([
      { speaker: "Speaker 1", words: "Okay, we're recording. Could you tell me about your first week?", timestampMs: 500 },
      { speaker: "Lena Fischer", words: "Honestly? It was chaos. We had no rota at all. Everybody was improvising.", timestampMs: 6_400 },
      { speaker: "Speaker 1", words: "Hmm.", timestampMs: 12_100 },
    ]);
    expectWellFormed(parsed);
    expect(parsePlainTextTranscript(parsed.text, { kind: "chosen", labels: parsed.speakers }).turns.map((t) => [t.start, t.end])).toEqual(parsed.turns.map((t) => [t.start, t.end]));
  });

  it("reads a name alone on a cue's first line when it heads at least two cues", () => {
    expect(spoken(parseWebVtt(fixture("otter-name-lines.vtt")))).toEqual([
      { speaker: "Speaker 1", words: "So what changed after the merger?", timestampMs: 0 },
      { speaker: "Lena Fischer", words: "The paperwork, mostly. It doubled. And the meetings.", timestampMs: 2_900 },
      { speaker: "Speaker 1", words: "Right.", timestampMs: 8_000 },
      { speaker: "Lena Fischer", words: "Right.", timestampMs: 9_500 },
    ]);
    // Once is not enough: a two-line caption whose first line looks like a name stays words.
    const once = parseWebVtt("WEBVTT\n\n00:00.000 --> 00:01.000\nAna: Hello\n\n00:01.000 --> 00:02.000\nGood Morning\nto you");
    expect(spoken(once).map((t) => t.words)).toEqual(["Hello Good Morning to you"]);
  });

  it("starts a new turn at a label on any line of a cue, and strips WhisperX's [brackets]", () => {
    const srt = "1\n00:00:00,000 --> 00:00:02,000\nAna: Hi.\nBen: Hello.\n\n2\n00:00:02,000 --> 00:00:03,000\n[SPEAKER_00]: Bracketed.";
    expect(spoken(parseSrt(srt)).map((t) => [t.speaker, t.words])).toEqual([
      ["Ana", "Hi."],
      ["Ben", "Hello."],
      ["SPEAKER_00", "Bracketed."],
    ]);
  });

  it("does not take prose with a colon for a speaker", () => {
    const vtt = [
      "WEBVTT",
      "",
      "00:00.000 --> 00:01.000",
      "Ana: We met at 10:30 and",
      "",
      "00:01.000 --> 00:02.000",
      "Note: this is still Ana.",
      "",
      "00:02.000 --> 00:03.000",
      "the main thing: cost. See http://example.org",
      "",
      "00:03.000 --> 00:04.000",
      "Well, honestly, and to be fair to them: fine.",
    ].join("\n");
    const parsed = parseWebVtt(vtt);
    expect(parsed.speakers).toEqual(["Ana"]);
    expect(spoken(parsed)[0].words).toBe(
      "We met at 10:30 and Note: this is still Ana. the main thing: cost. See http://example.org Well, honestly, and to be fair to them: fine.",
    );
  });

  it("gives words before any speaker to UNKNOWN_SPEAKER, and a label without words to the cues after it", () => {
    const srt = "1\n00:00:00,000 --> 00:00:01,000\n(music)\n\n2\n00:00:01,000 --> 00:00:02,000\nAna:\n\n3\n00:00:02,000 --> 00:00:03,000\nHello.";
    expect(spoken(parseSrt(srt))).toEqual([
      { speaker: UNKNOWN_SPEAKER, words: "(music)", timestampMs: 0 },
      { speaker: "Ana", words: "Hello.", timestampMs: 2_000 },
    ]);
  });

  it("treats names that differ only in case as one speaker, spelled as first met", () => {
    const srt = "1\n00:00:00,000 --> 00:00:01,000\nAna Silva: One.\n\n2\n00:00:01,000 --> 00:00:02,000\nANA SILVA: Two.";
    expect(spoken(parseSrt(srt)).map((t) => [t.speaker, t.words])).toEqual([["Ana Silva", "One. Two."]]);
  });
});

describe("WebVTT syntax (W3C)", () => {
  it("skips STYLE, REGION and NOTE blocks, ignores cue settings, strips tags, reads times without hours", () => {
    const parsed = parseWebVtt(fixture("spec-features.vtt"));
    expect(spoken(parsed)).toEqual([
      { speaker: "Ravi Menon", words: "Welcome back, everyone. Today: budgets\u00A0and rotas.", timestampMs: 5_000 },
      { speaker: "Sofia Marques", words: "I'll go first. Budgets are tight.", timestampMs: 10_500 },
      { speaker: "Ravi Menon", words: "Noted \u200E(x)\u200F.", timestampMs: 3_723_400 },
      { speaker: "Sofia Marques", words: "And rotas?", timestampMs: 3_723_400 },
    ]);
    expectWellFormed(parsed);
  });

  it("reads the same transcript from CRLF with a BOM as from LF", () => {
    for (const name of ["teams-meeting.vtt", "zoom-meeting.vtt", "spec-features.vtt", "otter-name-lines.vtt"]) {
      expect(parseWebVtt(crlfWithBom(fixture(name)))).toEqual(parseWebVtt(fixture(name)));
    }
    expect(parseSrt(crlfWithBom(fixture("otter-interview.srt")))).toEqual(parseSrt(fixture("otter-interview.srt")));
  });

  it("stores NFC and counts offsets in code points", () => {
    const vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nJose\u0301 Li: 🙂 cafe\u0301\n\n00:01.000 --> 00:02.000\n<v Zoë>👩‍🔬 naïve";
    const parsed = parseWebVtt(vtt);
    expect(parsed.text).toBe("José Li: 🙂 café\n\nZoë: 👩‍🔬 naïve\n");
    expect(parsed.turns.map((t) => [t.start, t.end])).toEqual([
      [9, 15],
      [22, 31],
    ]);
    expect(spoken(parsed).map((t) => t.words)).toEqual(["🙂 café", "👩‍🔬 naïve"]);
  });
});

describe("sloppy SRT", () => {
  it("reads a file with BOM, CRLF, word ids, missing and extra blank lines, dots and tags", () => {
    const parsed = parseSrt(fixture("sloppy-crlf-bom.srt"));
    expect(spoken(parsed)).toEqual([
      { speaker: "Interviewer", words: "Where were you when it happened?", timestampMs: 1_000 },
      { speaker: "P07", words: "At home. The phone rang and I knew. Sorry - give me a second.", timestampMs: 3_500 },
      { speaker: "Interviewer", words: "Take your time.", timestampMs: 9_000 },
    ]);
    expectWellFormed(parsed);
  });
  it("takes a number just above a timing line for the next cue's identifier when a blank line is missing", () => {
    const srt = "1\n00:00:01,000 --> 00:00:02,000\nAna: I counted to\n2\n00:00:02,000 --> 00:00:03,000\nthree.";
    expect(spoken(parseSrt(srt)).map((t) => t.words)).toEqual(["I counted to three."]);
  });
});

describe("refusals", () => {
  it("refuses a .vtt without the WEBVTT header, naming line 1", () => {
    const error = thrown(() => parseWebVtt(fixture("otter-interview.srt")));
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^Line 1: this is not a WebVTT file/);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("VALIDATION");
    expect(thrown(() => parseCaptionFile("interview.VTT", fixture("otter-interview.srt"))).line).toBe(1);
    expect(() => parseWebVtt("WEBVTTX\n\n00:00.000 --> 00:01.000\nhi")).toThrow(/not a WebVTT file/);
  });

  it("refuses a timing line it cannot read, naming its line (CRLF and BOM do not shift the count)", () => {
    const vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nfine\n\n2\n00:00:03.000 --> 00:00:0x.000\nbroken";
    for (const raw of [vtt, crlfWithBom(vtt)]) {
      const error = thrown(() => parseWebVtt(raw));
      expect(error.line).toBe(8);
      expect(error.message).toMatch(/^Line 8: cannot read the cue timing "00:00:03.000 --> 00:00:0x.000"/);
    }
    expect(thrown(() => parseSrt("1\n00:00:01,000 --> 00:61:00,000\nno such minute")).line).toBe(2);
    expect(thrown(() => parseSrt("1\n00:00:01,000 -> 00:00:02,000 -->\nbad arrow")).line).toBe(2);
  });

  it("refuses text that is not SRT, and WebVTT passed as SRT", () => {
    const error = thrown(() => parseSrt("Interview notes\nNo captions here.\n\nMore notes."));
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/not an SRT file/);
    expect(thrown(() => parseSrt(fixture("zoom-meeting.vtt"))).message).toMatch(/WebVTT file .* not SRT/);
    expect(thrown(() => parseSrt("  \n\n")).message).toBe("Line 1: the file is empty.");
  });

  it("picks the format from the content before the file name", () => {
    expect(parseCaptionFile("meeting.srt", fixture("zoom-meeting.vtt")).format).toBe("webvtt");
    expect(parseCaptionFile("captions.txt", fixture("otter-interview.srt")).format).toBe("srt");
    expect(parseCaptionFile("a.vtt", fixture("teams-meeting.vtt")).turns).toHaveLength(3);
  });

  it("accepts a WebVTT file with a header and no cues as an empty transcript", () => {
    expect(parseWebVtt("WEBVTT\n\nNOTE nothing yet\n")).toEqual({ text: "", turns: [], speakers: [] });
  });
});
