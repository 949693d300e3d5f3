import { codePointIndex, normalizeText } from "./offsets";

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
 * but belongs to no turn.
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
};

export type SpeakerLabel = {
  speaker: string;
  timestampMs: number | null;
  /** UTF-16 length of the prefix ("[00:01:02] Name:" and the spaces after it). */
  prefixLength: number;
};

const MAX_LABEL_LENGTH = 40;
const MAX_LABEL_WORDS = 5;

// Optional "[hh:mm:ss] " or "[mm:ss] " (fraction of a second allowed), then up to the first
// colon that is followed by whitespace or the end of the line ("10:30" and "http://" are not).
const LABEL_LINE = /^(?:\[(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?\][ \t]+)?([^:\n]{1,60}?)[ \t]*:(?=[ \t]|$)[ \t]*/u;
const LABEL_CHARS = /^[\p{L}\p{M}\p{N} .'’-]+$/u;
// A full stop may only close a title or an initial ("Dr.", "PROF.", "J."), never a sentence:
// "Yes. Well: ..." is prose, so titles are listed rather than guessed from their shape.
const TITLES = new Set(["capt", "col", "dr", "fr", "gen", "hon", "jr", "lt", "mme", "mlle", "mr", "mrs", "ms", "mx", "prof", "rev", "sgt", "sr", "st"]);
const INITIAL = /^\p{Lu}\.$/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
// "al-Sayed", "d'Arcy": a lower-case prefix attached to a capitalised name.
const PREFIXED_NAME = /^\p{Ll}{1,3}['’-]\p{Lu}/u;
// Lower-case words that occur inside personal names. Any other lower-case word marks a
// sentence ("The main thing: ..."), which is the commonest way prose imitates a label.
const NAME_PARTICLES = new Set([
  "af", "al", "av", "bin", "binti", "da", "das", "de", "del", "della", "den", "der", "di", "do",
  "dos", "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
]);
// Capitalised words that open sentences or transcriber notes, not names: "In 2017: ...",
// "Note: ...", "So: ...". ("I" and "A" stay allowed: they are the usual Q&A labels.)
const SENTENCE_OPENERS = new Set([
  "actually", "after", "also", "and", "anyway", "at", "basically", "because", "before", "but", "by",
  "example", "for", "from", "honestly", "if", "in", "it", "my", "no", "note", "ok", "okay", "on", "or",
  "our", "right", "so", "sure", "that", "the", "then", "there", "these", "this", "those", "to",
  "we", "well", "what", "when", "with", "yeah", "yes", "you", "your",
]);

/** The speaker label at the start of `line`, or null when the line is not a new turn. */
export function parseSpeakerLabel(line: string): SpeakerLabel | null {
  const match = LABEL_LINE.exec(line);
  if (!match) return null;
  const [prefix, hours, minutes, seconds, fraction, rawName] = match;
  const speaker = rawName.trim().replace(/\s+/g, " ");
  if (!isSpeakerName(speaker)) return null;
  let timestampMs: number | null = null;
  if (minutes !== undefined) {
    timestampMs = toMilliseconds(hours, minutes, seconds, fraction);
    if (timestampMs === null) return null;
  }
  return { speaker, timestampMs, prefixLength: prefix.length };
}

function isSpeakerName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_LABEL_LENGTH) return false;
  if (!CAPITALISED.test(name) || !LABEL_CHARS.test(name)) return false;
  const words = name.split(" ");
  if (words.length > MAX_LABEL_WORDS || SENTENCE_OPENERS.has(words[0].toLowerCase())) return false;
  return words.every((word) => {
    if (word.includes(".")) return INITIAL.test(word) || (word.endsWith(".") && CAPITALISED.test(word) && TITLES.has(word.slice(0, -1).toLowerCase()));
    return CAPITALISED.test(word) || PREFIXED_NAME.test(word) || NAME_PARTICLES.has(word);
  });
}

// "[a:b]" is minutes:seconds, "[a:b:c]" hours:minutes:seconds.
function toMilliseconds(first: string, second: string, third: string | undefined, fraction: string | undefined): number | null {
  const [h, m, s] = third === undefined ? [0, Number(first), Number(second)] : [Number(first), Number(second), Number(third)];
  if (s >= 60 || (third !== undefined && m >= 60)) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

type OpenTurn = { speaker: string; timestampMs: number | null; afterLabel: number; start: number | null; end: number | null };

export function parsePlainTextTranscript(raw: string): PlainTextTranscript {
  const text = normalizeText(raw);
  // Found in UTF-16 indices (what the regexes see), converted to code points once at the end.
  const open: OpenTurn[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const label = parseSpeakerLabel(line);
    const current = open.at(-1);
    if (label) {
      const turn: OpenTurn = { speaker: label.speaker, timestampMs: label.timestampMs, afterLabel: lineStart + label.prefixLength, start: null, end: null };
      extendTurn(turn, line.slice(label.prefixLength), lineStart + label.prefixLength);
      open.push(turn);
    } else if (current) {
      extendTurn(current, line, lineStart);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }

  const index = codePointIndex(text);
  const turns = open.map((turn): PlainTextTurn => {
    // A label with nothing said after it is an empty turn just past the label.
    const start = turn.start ?? turn.afterLabel;
    const end = turn.end ?? start;
    return { speaker: turn.speaker, start: index.toCodePoint(start), end: index.toCodePoint(end), timestampMs: turn.timestampMs };
  });
  const speakers = [...new Set(turns.map((turn) => turn.speaker))];
  return { text, turns, speakers };
}

// Spans are trimmed to the words: blank lines and trailing spaces between turns are nobody's.
function extendTurn(turn: OpenTurn, segment: string, segmentStart: number): void {
  const leading = segment.length - segment.trimStart().length;
  const content = segment.trim();
  if (content.length === 0) return;
  turn.start ??= segmentStart + leading;
  turn.end = segmentStart + leading + content.length;
}
