import { normalizeText } from "../../transcripts/offsets";
import type { PlainTextTranscript } from "../../transcripts/plain-text";
import { splitVoices, type VoiceSegment } from "./cue-text";
import { readSrtCues, readWebVttCues, type CaptionFormat, type Cue } from "./cues";
import { CaptionParseError } from "./errors";
import { bareNameCandidate, isConfidentName, labelCandidate, speakerKey, type LabelCandidate } from "./speakers";
import { buildTranscript, type Piece } from "./turns";

/**
 * WebVTT and SRT transcripts (Zoom, Microsoft Teams, Otter, WhisperX ...) -> the shape every
 * importer produces (see lib/transcripts/plain-text.ts): a document text with one
 * "Speaker: words" paragraph per turn, and turns pointing at the words in code points.
 *
 * Speakers come from, in this order: a WebVTT voice span (`<v Name>`, Teams); a
 * "Name: words" label at the start of a caption line (Zoom, Otter, WhisperX); an
 * Otter-style line holding only a name above the words, when the same name line heads at
 * least two cues. See speakers.ts for what counts as a name and turns.ts for merging.
 */

export { CaptionParseError } from "./errors";
export { UNKNOWN_SPEAKER } from "./turns";
export type { CaptionFormat } from "./cues";

export type CaptionTranscript = PlainTextTranscript & { format: CaptionFormat };

export function parseWebVtt(raw: string): PlainTextTranscript {
  return toTranscript(readWebVttCues(checked(raw)));
}

export function parseSrt(raw: string): PlainTextTranscript {
  return toTranscript(readSrtCues(checked(raw)));
}

/**
 * Picks the format from the content first (a file starting with WEBVTT is WebVTT whatever
 * its name) and then from the extension; a .vtt without the header is refused as WebVTT
 * requires, anything else is read as SRT.
 */
export function parseCaptionFile(fileName: string, raw: string): CaptionTranscript {
  const startsWebVtt = /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(raw);
  const format: CaptionFormat = startsWebVtt || /\.vtt$/i.test(fileName) ? "webvtt" : "srt";
  return { format, ...(format === "webvtt" ? parseWebVtt(raw) : parseSrt(raw)) };
}

function checked(raw: string): string {
  const text = normalizeText(raw);
  if (text.trim() === "") throw new CaptionParseError(1, "the file is empty.");
  return text;
}

type ReadCue = { cue: Cue; segments: VoiceSegment[] };

function toTranscript(cues: Cue[]): PlainTextTranscript {
  const read: ReadCue[] = cues.map((cue) => ({ cue, segments: splitVoices(cue.payload) }));
  const names = new SpeakerNames();
  // First pass: how often each candidate label occurs, since recurrence is evidence.
  const labelCounts = new Map<string, number>();
  const bareCounts = new Map<string, number>();
  for (const { segments } of read) {
    for (const segment of segments) {
      if (segment.voice !== null) continue;
      for (const line of segment.lines) count(labelCounts, labelCandidate(line));
    }
    count(bareCounts, bareNameLine(segments));
  }
  const isLabel = (c: LabelCandidate | null): c is LabelCandidate =>
    c !== null && ((labelCounts.get(c.key) ?? 0) >= 2 || isConfidentName(c.speaker));
  const isBareName = (c: LabelCandidate | null): c is LabelCandidate =>
    c !== null && (bareCounts.get(c.key) ?? 0) >= 2 && isConfidentName(c.speaker);

  const pieces: Piece[] = [];
  for (const { cue, segments } of read) {
    const bare = bareNameLine(segments);
    segments.forEach((segment, index) => {
      if (segment.voice !== null) {
        pieces.push({ speaker: names.get(segment.voice), words: segment.lines.join(" "), startMs: cue.startMs });
        return;
      }
      let lines = segment.lines;
      let piece: Piece = { speaker: null, words: "", startMs: cue.startMs };
      if (index === 0 && isBareName(bare)) {
        piece.speaker = names.get(bare.speaker);
        lines = lines.slice(1);
      }
      pieces.push(piece);
      for (const line of lines) {
        const label = labelCandidate(line);
        if (isLabel(label)) {
          piece = { speaker: names.get(label.speaker), words: label.rest, startMs: cue.startMs };
          pieces.push(piece);
        } else {
          piece.words = piece.words === "" ? line : `${piece.words} ${line}`;
        }
      }
    });
  }
  return buildTranscript(pieces);
}

// Otter-style "Name" alone on the first line of a cue that has more lines (and no label).
function bareNameLine(segments: VoiceSegment[]): LabelCandidate | null {
  const first = segments[0];
  if (!first || first.voice !== null || first.lines.length < 2 || labelCandidate(first.lines[0])) return null;
  return bareNameCandidate(first.lines[0]);
}

function count(counts: Map<string, number>, candidate: LabelCandidate | null): void {
  if (candidate) counts.set(candidate.key, (counts.get(candidate.key) ?? 0) + 1);
}

/** One spelling per speaker: the first one met ("dora" and "Dora" are one person). */
class SpeakerNames {
  private readonly byKey = new Map<string, string>();
  get(name: string): string {
    const key = speakerKey(name);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.byKey.set(key, name);
    return name;
  }
}
