import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaptionFile } from "../../../lib/interop/captions";
import { normalizeText, sliceByCodePoints } from "../../../lib/transcripts/offsets";

// Real files made by other tools (see /work/shared/interop/README.md). They are not in the
// repository, so these tests run only where that folder exists.
const FOLDER = "/work/shared/interop";
const exists = existsSync(FOLDER);
if (!exists) console.warn(`Skipping caption tests over real files: ${FOLDER} does not exist.`);

const read = (name: string) => readFileSync(join(FOLDER, name), "utf8");

/** Each cue's text with a leading "Label: " removed, straight from the file, for cross-checking. */
function cueTexts(raw: string, label: RegExp): string[] {
  return raw
    .trim()
    .split(/\n\n+/)
    .map((block) => block.split("\n"))
    .filter((lines) => lines.some((line) => line.includes("-->")))
    .map((lines) => lines.slice(lines.findIndex((line) => line.includes("-->")) + 1).join(" ").replace(label, ""));
}

describe.skipIf(!exists)("real caption files", () => {
  it("Zoom: 284 cues, two speakers, 80 turns when unlabelled cues continue the speaker", () => {
    const raw = read("zoom_cip-test-meeting.vtt");
    const parsed = parseCaptionFile("zoom_cip-test-meeting.vtt", raw);
    expect(parsed.format).toBe("webvtt");
    expect(parsed.speakers).toEqual(["Ashlee Kupor (SL)", "Dora Demszky"]);
    expect(parsed.turns).toHaveLength(80);
    expect(normalizeText(parsed.text)).toBe(parsed.text);

    const words = parsed.turns.map((turn) => sliceByCodePoints(parsed.text, turn.start, turn.end));
    expect(words[0]).toBe("Let's do that");
    expect(parsed.turns[0].timestampMs).toBe(510);
    // Cue 3 has no label: it continues Dora's turn that started with cue 2 at 00:00:01.790.
    expect(parsed.turns[1]).toMatchObject({ speaker: "Dora Demszky", timestampMs: 1_790 });
    expect(words[1]).toBe("by, too. We? And then No, it's gonna. I think it's transcribing. Yeah, I think it is. It's transcribing stuff. So yeah, i'll send you what I have after this.");
    // The recogniser writes colons inside sentences ("I'm: more concerned"); they stay words.
    expect(parsed.text).toContain("I'm: more concerned about full names");
    // A no-break space the file holds is kept.
    expect(parsed.text).toContain("15\u00A0min");

    // No word lost or added: the turns hold every cue's text, in order.
    const expected = cueTexts(raw, /^(?:Ashlee Kupor \(SL\)|Dora Demszky): /).join(" ");
    expect(words.join(" ")).toBe(expected);
  });

  it("WhisperX SRT: [SPEAKER_NN] labels on every cue, 23 turns", () => {
    const raw = read("whisperx-diarized_podcast.srt");
    const parsed = parseCaptionFile("whisperx-diarized_podcast.srt", raw);
    expect(parsed.format).toBe("srt");
    expect(parsed.speakers).toEqual(["SPEAKER_00", "SPEAKER_01"]);
    expect(parsed.turns).toHaveLength(23);
    expect(parsed.turns.slice(0, 2)).toMatchObject([
      { speaker: "SPEAKER_00", timestampMs: 349 },
      { speaker: "SPEAKER_01", timestampMs: 10_041 },
    ]);
    const words = parsed.turns.map((turn) => sliceByCodePoints(parsed.text, turn.start, turn.end));
    expect(words[1]).toBe("You were so successful.");
    expect(parsed.text.startsWith("SPEAKER_00: 20 years ago, I didn't have a phone")).toBe(true);
    expect(words.join(" ")).toBe(cueTexts(raw, /^\[SPEAKER_\d\d\]: /).join(" "));
  });
});
