import { describe, expect, it } from "vitest";
import { parsePlainTextTranscript, parseSpeakerLabel, type SpeakerChoice } from "../../../lib/transcripts/plain-text";
import { codePointLength, sliceByCodePoints } from "../../../lib/transcripts/offsets";

function spoken(raw: string, choice?: SpeakerChoice): { speaker: string; words: string; timestampMs: number | null }[] {
  const parsed = parsePlainTextTranscript(raw, choice);
  return parsed.turns.map((turn) => ({
    speaker: turn.speaker,
    words: sliceByCodePoints(parsed.text, turn.start, turn.end),
    timestampMs: turn.timestampMs,
  }));
}

describe("parsePlainTextTranscript", () => {
  it("starts a turn at each label and points at the words, not the label", () => {
    const raw = "Interviewer: How did it start?\n\nDr. Miriam Okafor: With a grant, really.\n\nInterviewer: And then?\n\nDr. Miriam Okafor: A second one.\n";
    const parsed = parsePlainTextTranscript(raw);
    expect(parsed.text).toBe(raw);
    expect(parsed.speakers).toEqual(["Interviewer", "Dr. Miriam Okafor"]);
    expect(spoken(raw)).toEqual([
      { speaker: "Interviewer", words: "How did it start?", timestampMs: null },
      { speaker: "Dr. Miriam Okafor", words: "With a grant, really.", timestampMs: null },
      { speaker: "Interviewer", words: "And then?", timestampMs: null },
      { speaker: "Dr. Miriam Okafor", words: "A second one.", timestampMs: null },
    ]);
    expect(parsed.turns[0]).toMatchObject({ start: "Interviewer: ".length, end: "Interviewer: How did it start?".length });
  });

  it("lets an unlabelled paragraph continue the previous turn", () => {
    const raw = "Interviewer: Go on.\n\nAna Silva: First part.\n\nSecond part, same answer.\n\nThird part.\n\nInterviewer: Thanks.\n\nAna Silva: Welcome.";
    const turns = spoken(raw);
    expect(turns).toHaveLength(4);
    expect(turns[1]).toEqual({ speaker: "Ana Silva", words: "First part.\n\nSecond part, same answer.\n\nThird part.", timestampMs: null });
  });

  it("reads single-spaced transcripts and labels on their own line", () => {
    expect(spoken("I: Hello.\nR: Hi.\nstill R\nI: Why?\nR: Because.\n").map((t) => [t.speaker, t.words])).toEqual([
      ["I", "Hello."],
      ["R", "Hi.\nstill R"],
      ["I", "Why?"],
      ["R", "Because."],
    ]);
    const ownLine = spoken("Interviewer:\nSo tell me.\n\nAna: Well.\n\nInterviewer:\nAnd?\n\nAna: Yes.");
    expect(ownLine.map((t) => [t.speaker, t.words])).toEqual([["Interviewer", "So tell me."], ["Ana", "Well."], ["Interviewer", "And?"], ["Ana", "Yes."]]);
  });

  it("gives a confirmed label with nothing after it an empty turn", () => {
    const parsed = parsePlainTextTranscript("Interviewer: Hello?\n\nAna:\n\nInterviewer: Still there?", { kind: "chosen", labels: ["Interviewer", "Ana"] });
    const empty = parsed.turns[1];
    expect(empty.speaker).toBe("Ana");
    expect(empty.start).toBe(empty.end);
    expect(parsed.turns).toHaveLength(3);
  });

  it("reads timestamps before labels as milliseconds", () => {
    const raw = "[00:00:06] Interviewer: Thanks.\n\n[00:01:29] Prof. Helen Achterberg: Sure.\n\n[1:02:03.5] Interviewer: Last one.\n\n[12:34] Ana: Short form.";
    expect(spoken(raw)).toEqual([
      { speaker: "Interviewer", words: "Thanks.", timestampMs: 6_000 },
      { speaker: "Prof. Helen Achterberg", words: "Sure.", timestampMs: 89_000 },
      { speaker: "Interviewer", words: "Last one.", timestampMs: 3_723_500 },
      { speaker: "Ana", words: "Short form.", timestampMs: 754_000 },
    ]);
  });

  it("normalizes CRLF and a byte order mark once, and counts offsets in the result", () => {
    const raw = "\uFEFFInterviewer: One.\r\n\r\nAna: Two.\r\nmore\r\n";
    const confirmed: SpeakerChoice = { kind: "chosen", labels: ["Interviewer", "Ana"] };
    const parsed = parsePlainTextTranscript(raw, confirmed);
    expect(parsed.text).toBe("Interviewer: One.\n\nAna: Two.\nmore\n");
    expect(spoken(raw, confirmed).map((t) => t.words)).toEqual(["One.", "Two.\nmore"]);
    expect(parsed.turns[1].start).toBe(parsed.text.indexOf("Two."));
  });

  it("counts code points across emoji and combining marks", () => {
    // "e\u0301" becomes one code point under NFC; each emoji is astral (two UTF-16 units).
    const raw = "Interviewer: Caf\u0065\u0301 🙂 ok?\n\nZoë 👩‍🔬: Oui 🙂, naïve.\n\nAna: Fin.";
    const parsed = parsePlainTextTranscript(raw, { kind: "chosen", labels: ["Interviewer", "Ana"] });
    expect(parsed.text).toBe(raw.normalize("NFC"));
    expect(parsed.text.includes("\u0301")).toBe(false);
    // "Zoë 👩‍🔬" holds emoji, which a label may not: that paragraph continues the first turn.
    expect(parsed.speakers).toEqual(["Interviewer", "Ana"]);
    const chars = [...parsed.text];
    const first = parsed.turns[0];
    expect(chars.slice(first.start, first.end).join("")).toBe("Café 🙂 ok?\n\nZoë 👩‍🔬: Oui 🙂, naïve.");
    const last = parsed.turns[1];
    expect(last.end).toBe(codePointLength(parsed.text));
    expect(last.start).toBe(chars.length - "Fin.".length);
    expect(last.start).not.toBe(parsed.text.length - "Fin.".length);

    const named = parsePlainTextTranscript("Zoë Ñúñez: 🙂🙂 sí.\n\nInterviewer: ok\n\nzoë ñúñez: otra vez\n\nInterviewer: ok");
    expect(named.speakers).toEqual(["Zoë Ñúñez", "Interviewer"]);
    expect(named.turns[1].start).toBe([..."Zoë Ñúñez: 🙂🙂 sí.\n\nInterviewer: "].length);
  });

  it("does not take a sentence with a colon for a speaker", () => {
    const raw = [
      "Interviewer: Why that platform?",
      "Ana: Two reasons.",
      "The main thing was this: cost.",
      "Yes. Well: we had the credits anyway.",
      "We met at 10:30 and the docs at http://example.org helped.",
      "Honestly, the answer is simple: it was already there.",
      "In 2017: nothing, really.",
      "Interviewer: Thanks.",
      "Ana: Sure.",
    ].join("\n\n");
    const parsed = parsePlainTextTranscript(raw);
    expect(parsed.speakers).toEqual(["Interviewer", "Ana"]);
    expect(parsed.turns).toHaveLength(4);
    expect(sliceByCodePoints(parsed.text, parsed.turns[1].start, parsed.turns[1].end)).toMatch(/^Two reasons\.[\s\S]*nothing, really\.$/);
  });

  it("keeps text before the first label in the document but in no turn", () => {
    const raw = "Interview 3 (recorded 12 May 2017)\nNotes by J. Smith\n\nInterviewer: Shall we start?\n\nAna: Yes.\n\nInterviewer: Good.\n\nAna: Go on.";
    const parsed = parsePlainTextTranscript(raw);
    expect(parsed.text).toBe(raw);
    expect(parsed.turns.map((t) => t.speaker)).toEqual(["Interviewer", "Ana", "Interviewer", "Ana"]);
    expect(parsed.turns[0].start).toBe(raw.indexOf("Shall"));
  });

  it("returns no turns for text without labels", () => {
    expect(parsePlainTextTranscript("Field notes.\n\nNothing was said.").turns).toEqual([]);
    expect(parsePlainTextTranscript("")).toEqual({ text: "", turns: [], speakers: [], candidates: [] });
  });
});

describe("parseSpeakerLabel", () => {
  it.each([
    ["Interviewer: hi", "Interviewer"],
    ["Dr. Miriam Okafor: hi", "Dr. Miriam Okafor"],
    ["Prof. Helen Achterberg: hi", "Prof. Helen Achterberg"],
    ["Patrick O'Neill: hi", "Patrick O'Neill"],
    ["Fatima Al-Sayed: hi", "Fatima Al-Sayed"],
    ["Ludwig van Beethoven: hi", "Ludwig van Beethoven"],
    ["J. R. Smith: hi", "J. R. Smith"],
    ["INTERVIEWER: hi", "INTERVIEWER"],
    ["DR. SMITH: hi", "DR. SMITH"],
    ["Speaker 2: hi", "Speaker 2"],
    ["P01: hi", "P01"],
    ["Ana :  hi", "Ana"],
  ])("reads %j as %j", (line, speaker) => {
    expect(parseSpeakerLabel(line)?.speaker).toBe(speaker);
  });

  it.each([
    "The main thing: cost",
    "Yes. Well: fine",
    "Okay, so: fine",
    "Note: the recording stops here",
    "So: where were we",
    "In 2017: nothing",
    "so: fine",
    "Why not? Because: reasons",
    "One two three four five six: too many words",
    "A very long label that goes on and on for sure: x",
    "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop: x",
    "Meeting at 10:30 today",
    "See http://example.org",
    "Interviewer:no space",
    "[25:61] Ana: bad seconds",
    "[00:61:00] Ana: bad minutes",
    "\"Quoted\": no",
  ])("rejects %j", (line) => {
    expect(parseSpeakerLabel(line)).toBeNull();
  });

  it("measures the prefix to skip, timestamp and spaces included", () => {
    expect(parseSpeakerLabel("[00:03:12] Interviewer:   So.")).toEqual({ speaker: "Interviewer", timestampMs: 192_000, prefixLength: "[00:03:12] Interviewer:   ".length, bare: false, timed: true });
  });
});
