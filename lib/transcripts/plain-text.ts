import { codePointIndex, normalizeText } from "./offsets";
import { decideSpeakers, type SpeakerCandidate, type SpeakerChoice } from "./speaker-detection";
import { parseSpeakerLabel, speakerKey, type SpeakerLabel } from "./speaker-labels";

export { parseSpeakerLabel, type SpeakerLabel } from "./speaker-labels";
export type { SpeakerCandidate, SpeakerChoice } from "./speaker-detection";

/**
 * Plain-text transcripts: one speaker turn starts at a line beginning with a label,
 *
 *   Interviewer: How did it start?
 *   [00:03:12] Dr. Miriam Okafor: Well, um, it started with a grant.
 *
 * and every following line without a label (usually a paragraph after a blank line)
 * continues that turn. The document text is the whole normalized file, labels included,
 * and each turn points at its spoken words in it (code point offsets, see offsets.ts).
 *
 * Labels are looked for at the start of every line, not only after a blank line, because
 * single-spaced transcripts ("I: ...\nR: ...") are as common in real files as double-spaced
 * ones. Text before the first label (a title, a header with the date) stays in the document
 * but belongs to no turn. Which labels count as speakers is decided over the whole document
 * (speaker-detection.ts: they recur, or the person importing confirmed them); the others
 * are words of the turn they stand in.
 *
 * Consecutive paragraphs labelled with one speaker are one turn, as in captions (Word
 * transcripts often label every paragraph): the turn runs from the first paragraph's words
 * to the last one's, the repeated label inside it stays in the text as written, and the turn
 * keeps the first paragraph's time.
 */

export type PlainTextTurn = {
  speaker: string;
  /** Code point offsets of the spoken words in `text`: label and timestamp excluded. */
  start: number;
  end: number;
  timestampMs: number | null;
};

export type PlainTextTranscript = {
  /** The file's text after normalizeText: what a Document stores. */
  text: string;
  turns: PlainTextTurn[];
  /** Distinct speakers in order of first appearance. */
  speakers: string[];
  /**
   * Every label-shaped line start and whether it became a speaker, for the import preview
   * to confirm. Absent where speakers come from the file's structure (captions).
   */
  candidates?: SpeakerCandidate[];
};

type OpenTurn = { key: string; speaker: string; timestampMs: number | null; afterLabel: number; start: number | null; end: number | null };
type Line = { start: number; text: string; label: SpeakerLabel | null };

export function parsePlainTextTranscript(raw: string, choice: SpeakerChoice = { kind: "auto" }): PlainTextTranscript {
  const text = normalizeText(raw);
  // Found in UTF-16 indices (what the regexes see), converted to code points once at the end.
  const lines: Line[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    lines.push({ start: lineStart, text: line, label: parseSpeakerLabel(line) });
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  const { candidates, accepted } = decideSpeakers(lines.flatMap((l) => (l.label ? [l.label] : [])), choice);

  const open: OpenTurn[] = [];
  // One spelling per speaker, the first one met ("Maria L" then "maria l" is Maria L).
  const spelling = new Map<string, string>();
  for (const line of lines) {
    const label = line.label;
    const key = label ? speakerKey(label.speaker) : null;
    const current = open.at(-1);
    if (label && key !== null && accepted.has(key)) {
      if (!spelling.has(key)) spelling.set(key, label.speaker);
      const afterLabel = line.start + label.prefixLength;
      if (current?.key === key) {
        extendTurn(current, line.text.slice(label.prefixLength), afterLabel);
        continue;
      }
      const turn: OpenTurn = { key, speaker: spelling.get(key)!, timestampMs: label.timestampMs, afterLabel, start: null, end: null };
      extendTurn(turn, line.text.slice(label.prefixLength), afterLabel);
      open.push(turn);
    } else if (current) {
      extendTurn(current, line.text, line.start);
    }
  }

  const index = codePointIndex(text);
  const turns = open.map((turn): PlainTextTurn => {
    // A label with nothing said after it is an empty turn just past the label.
    const start = turn.start ?? turn.afterLabel;
    const end = turn.end ?? start;
    return { speaker: turn.speaker, start: index.toCodePoint(start), end: index.toCodePoint(end), timestampMs: turn.timestampMs };
  });
  const speakers = [...new Set(turns.map((turn) => turn.speaker))];
  return { text, turns, speakers, candidates };
}

// Spans are trimmed to the words: blank lines and trailing spaces between turns are nobody's.
function extendTurn(turn: OpenTurn, segment: string, segmentStart: number): void {
  const leading = segment.length - segment.trimStart().length;
  const content = segment.trim();
  if (content.length === 0) return;
  turn.start ??= segmentStart + leading;
  turn.end = segmentStart + leading + content.length;
}
