/**
 * Speaker labels at the start of a transcript line, as people and transcription services
 * write them:
 *
 *   Interviewer: How did it start?              the plain "Name: words"
 *   [00:03:12] Dr. Miriam Okafor: Well, um ...  a bracketed time first (Descript, Scribie)
 *   Speaker 1 (00:01:02): Thanks.               a time in parentheses (Rev)
 *   maria l  0:03                               name and time alone on a line (Otter .txt),
 *                                               the words on the lines below
 *
 * A label here is only a candidate: its shape says it could name a speaker. Names may be
 * any case and hold initials, digits and diacritics ("maria l", "SPEAKER 1", "Dr. O'Neil",
 * "Zoë"), so a sentence can look like one ("cost was the issue: really"). Whether a
 * candidate is a speaker is decided over the whole document (speaker-detection.ts): it
 * recurs, or the user confirmed it.
 */

export type SpeakerLabel = {
  speaker: string;
  timestampMs: number | null;
  /** UTF-16 length of the prefix ("[00:01:02] Name:" and the spaces after it). */
  prefixLength: number;
  /** Nothing follows the label on its line (a heading has this shape too). */
  bare: boolean;
  /** The time came in brackets or parentheses: only transcripts are written like that. */
  timed: boolean;
};

const MAX_LABEL_LENGTH = 40;
const MAX_LABEL_WORDS = 5;

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?`;
// Optional "[hh:mm:ss] ", the name, optional " (hh:mm:ss)", then a colon followed by
// whitespace or the end of the line ("10:30" and "http://" are not labels).
const COLON_LABEL = new RegExp(String.raw`^(?:\[${TIME}\][ \t]+)?([^:(\n]{1,60}?)(?:[ \t]*\(${TIME}\))?[ \t]*:(?=[ \t]|$)[ \t]*`, "u");
// Otter's text export: "Name  0:03" (two spaces) or "Name 1:02:03" alone on its line.
const OTTER_LABEL = new RegExp(String.raw`^([^:\n]{1,60}?)[ \t]+${TIME}[ \t]*$`, "u");

const LABEL_CHARS = /^[\p{L}\p{M}\p{N} .'’-]+$/u;
const STARTS_WELL = /^[\p{L}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
// A full stop may only close a title or an initial ("Dr.", "PROF.", "J."), never a sentence:
// "Yes. Well: ..." is prose, so titles are listed rather than guessed from their shape.
const TITLES = new Set(["capt", "col", "dr", "fr", "gen", "hon", "jr", "lt", "mme", "mlle", "mr", "mrs", "ms", "mx", "prof", "rev", "sgt", "sr", "st"]);
const INITIAL = /^\p{L}\.$/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
// "al-Sayed", "d'Arcy": a lower-case prefix attached to a capitalised name.
const PREFIXED_NAME = /^\p{Ll}{1,3}['’-]\p{Lu}/u;
const NAME_PARTICLES = new Set([
  "af", "al", "av", "bin", "binti", "da", "das", "de", "del", "della", "den", "der", "di", "do",
  "dos", "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
]);
// Words that open sentences or transcriber notes, not names: "In 2017: ...", "Note: ...",
// "So: ...". ("I" and "A" stay allowed: they are the usual Q&A labels.)
const SENTENCE_OPENERS = new Set([
  "actually", "after", "also", "and", "anyway", "at", "basically", "because", "before", "but", "by",
  "example", "for", "from", "honestly", "if", "in", "it", "my", "no", "note", "ok", "okay", "on", "or",
  "our", "right", "so", "sure", "that", "the", "then", "there", "these", "this", "those", "to",
  "we", "well", "what", "when", "with", "yeah", "yes", "you", "your",
]);

/** The candidate speaker label at the start of `line`, or null when the line cannot start a turn. */
export function parseSpeakerLabel(line: string): SpeakerLabel | null {
  const colon = COLON_LABEL.exec(line);
  if (colon) {
    const [prefix, bh, bm, bs, bf, rawName, ph, pm, ps, pf] = colon;
    const speaker = cleanName(rawName);
    if (!hasNameShape(speaker)) return null;
    if (bm !== undefined && pm !== undefined) return null;
    const timed = bm !== undefined || pm !== undefined;
    const timestampMs = bm !== undefined ? toMilliseconds(bh, bm, bs, bf) : pm !== undefined ? toMilliseconds(ph, pm, ps, pf) : null;
    if (timed && timestampMs === null) return null;
    return { speaker, timestampMs, prefixLength: prefix.length, bare: line.length === prefix.length, timed };
  }
  const otter = OTTER_LABEL.exec(line);
  if (otter) {
    const [whole, rawName, h, m, s, f] = otter;
    const speaker = cleanName(rawName);
    const timestampMs = toMilliseconds(h, m, s, f);
    if (!hasNameShape(speaker) || timestampMs === null) return null;
    return { speaker, timestampMs, prefixLength: whole.length, bare: true, timed: false };
  }
  return null;
}

/** Speakers are one person when their labels differ only in case or spacing ("Maria L", "maria l"). */
export function speakerKey(speaker: string): string {
  return speaker.normalize("NFC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The stricter test a label passed before recurrence counted: every word capitalised, a
 * name particle or an initial. Used where a name must stand on its own (a caption label
 * seen once, a PDF line that starts a paragraph).
 */
export function isCapitalisedName(name: string): boolean {
  if (!hasNameShape(name)) return false;
  return name.split(" ").every((word) => CAPITALISED.test(word) || PREFIXED_NAME.test(word) || NAME_PARTICLES.has(word));
}

function cleanName(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}

function hasNameShape(name: string): boolean {
  if (name.length === 0 || name.length > MAX_LABEL_LENGTH) return false;
  if (!STARTS_WELL.test(name) || !LABEL_CHARS.test(name) || !HAS_LETTER.test(name)) return false;
  const words = name.split(" ");
  if (words.length > MAX_LABEL_WORDS || SENTENCE_OPENERS.has(words[0].toLowerCase())) return false;
  return words.every((word) => !word.includes(".") || INITIAL.test(word) || (word.endsWith(".") && word.indexOf(".") === word.length - 1 && TITLES.has(word.slice(0, -1).toLowerCase())));
}

// "a:b" is minutes:seconds, "a:b:c" hours:minutes:seconds.
function toMilliseconds(first: string, second: string, third: string | undefined, fraction: string | undefined): number | null {
  const [h, m, s] = third === undefined ? [0, Number(first), Number(second)] : [Number(first), Number(second), Number(third)];
  if (s >= 60 || (third !== undefined && m >= 60)) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}
