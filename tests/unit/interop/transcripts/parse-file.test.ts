import fs from "node:fs";
import path from "node:path";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { parseTranscriptFile } from "../../../../lib/interop/transcripts";
import { sliceByCodePoints } from "../../../../lib/transcripts/offsets";
import { buildDocx, buildPdf } from "../../../fixtures/interop/transcripts/build";

const spoken = (t: Awaited<ReturnType<typeof parseTranscriptFile>>) =>
  t.transcript.turns.map((turn) => [turn.speaker, sliceByCodePoints(t.transcript.text, turn.start, turn.end)]);

describe("reading transcript files", () => {
  it("reads plain text with BOM and CRLF, normalizing once", async () => {
    const file = await parseTranscriptFile("a.txt", strToU8("\uFEFFInterviewer: Cafe\u0301?\r\n\r\nAna: Yes 🙂\r\nand more.\r\n\r\nInterviewer: Bon.\r\n\r\nAna: Oui."));
    expect(file.format).toBe("text");
    expect(file.transcript.text).toBe("Interviewer: Café?\n\nAna: Yes 🙂\nand more.\n\nInterviewer: Bon.\n\nAna: Oui.");
    expect(spoken(file)).toEqual([
      ["Interviewer", "Café?"],
      ["Ana", "Yes 🙂\nand more."],
      ["Interviewer", "Bon."],
      ["Ana", "Oui."],
    ]);
  });

  it("reads Markdown with bold labels", async () => {
    const file = await parseTranscriptFile("a.md", strToU8("# Interview 3\n\n**Interviewer:** Why?\n\n**Ana**: Because.\n\nSome **bold** words.\n\n**Interviewer:** Ok.\n\n**Ana**: Yes."));
    expect(spoken(file)).toEqual([
      ["Interviewer", "Why?"],
      ["Ana", "Because.\n\nSome **bold** words."],
      ["Interviewer", "Ok."],
      ["Ana", "Yes."],
    ]);
  });

  it("reads a Word .docx, keeping paragraphs", async () => {
    const file = await parseTranscriptFile("a.docx", buildDocx(["Interview with Ana", "Interviewer: How did it start?", "Ana: With a grant.", "It was small.", "Interviewer: And now?", "Ana: Bigger."]));
    expect(file.format).toBe("docx");
    expect(spoken(file)).toEqual([
      ["Interviewer", "How did it start?"],
      ["Ana", "With a grant.\n\nIt was small."],
      ["Interviewer", "And now?"],
      ["Ana", "Bigger."],
    ]);
    expect(file.transcript.text.startsWith("Interview with Ana\n\n")).toBe(true);
  });

  it("reads a PDF text layer, joining wrapped lines, and refuses a PDF without one", async () => {
    const file = await parseTranscriptFile("a.pdf", buildPdf(["Interviewer: Where do the models run?", "Ana: Mostly on AWS, and a few", "on our own servers.", "Interviewer: Why?", "Ana: Cost."]));
    expect(spoken(file)).toEqual([
      ["Interviewer", "Where do the models run?"],
      ["Ana", "Mostly on AWS, and a few on our own servers."],
      ["Interviewer", "Why?"],
      ["Ana", "Cost."],
    ]);
    await expect(parseTranscriptFile("scan.pdf", buildPdf([]))).rejects.toThrow(/scan.pdf has no text layer/);
  });

  it("reads WebVTT and SRT captions through the caption parsers", async () => {
    const vtt = await parseTranscriptFile("m.vtt", strToU8("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hello</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Ana>again</v>\n"));
    expect(spoken(vtt)).toEqual([["Ana", "Hello again"]]);
    const srt = await parseTranscriptFile("m.srt", strToU8("1\n00:00:01,000 --> 00:00:02,000\nBo: Hi\n"));
    expect(spoken(srt)).toEqual([["Bo", "Hi"]]);
  });

  it("refuses files that are not what their name says, naming the file", async () => {
    await expect(parseTranscriptFile("fake.docx", buildPdf(["Interviewer: x"]))).rejects.toThrow(/fake.docx is named .docx but is really a PDF/);
    await expect(parseTranscriptFile("fake.pdf", strToU8("Interviewer: x"))).rejects.toThrow(/fake.pdf is named .pdf but is not a PDF/);
    await expect(parseTranscriptFile("broken.docx", strToU8("PK\u0003\u0004not really a zip"))).rejects.toThrow(/broken.docx/);
    await expect(parseTranscriptFile("old.doc", strToU8("x"))).rejects.toThrow(/Save it as .docx/);
    await expect(parseTranscriptFile("notes.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).rejects.toThrow(/binary data/);
    await expect(parseTranscriptFile("empty.txt", strToU8("  \n"))).rejects.toThrow(/empty.txt is empty/);
    await expect(parseTranscriptFile("bad.vtt", strToU8("00:00:01.000 --> 00:00:02.000\nhi"))).rejects.toThrow(/bad.vtt/);
  });

  it("warns when no speaker labels are found", async () => {
    const file = await parseTranscriptFile("memo.txt", strToU8("Just some notes without speakers."));
    expect(file.transcript.turns).toEqual([]);
    expect(file.warnings[0]).toMatch(/No speaker labels found/);
  });
});

const shared = path.join(process.cwd(), "..", "shared", "interop");
const haveShared = fs.existsSync(shared);
if (!haveShared) console.warn(`Skipping tests over real transcript files: ${shared} is not there.`);

describe.skipIf(!haveShared)("real transcript files from ../shared/interop", () => {
  it("reads the Sheffield Word interview: 246 labelled paragraphs, 244 turns (one speaker's consecutive paragraphs merge) after its header line", async () => {
    const file = await parseTranscriptFile("sheffield_interview_Ana.docx", fs.readFileSync(path.join(shared, "sheffield_interview_Ana.docx")));
    // Twice the same speaker labels two paragraphs in a row: those become one turn each,
    // which is why the README counts 244 merged turns.
    expect(file.transcript.turns).toHaveLength(244);
    expect(file.transcript.turns.some((t, i, all) => i > 0 && all[i - 1].speaker === t.speaker)).toBe(false);
    const labelled = (file.transcript.candidates ?? []).filter((c) => c.accepted).reduce((n, c) => n + c.occurrences, 0);
    expect(labelled).toBe(246);
    expect(file.transcript.speakers).toEqual(["Researcher 1", "Ana"]);
    expect(file.transcript.text.startsWith("12-May-2023 - 10:36 - 1h09m31s – Ana\n")).toBe(true);
  });

  it("reads the Zoom VTT (80 turns) and the diarized SRT (23 turns)", async () => {
    const zoom = await parseTranscriptFile("zoom.vtt", fs.readFileSync(path.join(shared, "zoom_cip-test-meeting.vtt")));
    expect(zoom.transcript.turns).toHaveLength(80);
    const srt = await parseTranscriptFile("podcast.srt", fs.readFileSync(path.join(shared, "whisperx-diarized_podcast.srt")));
    expect(srt.transcript.turns).toHaveLength(23);
  });
});
