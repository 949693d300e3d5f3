import { isCapitalisedName, parseSpeakerLabel } from "../../transcripts/speaker-labels";

/**
 * Speaker labels written into caption text, "Name: words", as Zoom writes every cue and
 * Otter writes the first cue of each paragraph (with "Include speaker names" on).
 *
 * Caption names are display names, so they are looser than the names our plain-text
 * parser accepts: "Ashlee Kupor (SL)", "[SPEAKER_00]" (WhisperX), "dora", "iPad de Ana".
 * A label is taken for a speaker when it has the shape of a name (letters, digits, a few
 * punctuation marks, at most six words, not a sentence opener) and either
 *   - passes the plain-text parser's name test once its decorations ("(SL)", brackets,
 *     underscores) are set aside, or
 *   - is used as a label by at least two cues of the file: real speakers recur, while
 *     prose that happens to start "Something: ..." does not.
 * What is left undecided is prose that looks exactly like a capitalised name, once
 * ("Update: ..."): it becomes a speaker. Colons inside a line ("I'm: more concerned",
 * which Zoom's recogniser writes) are never labels: only the start of a line is looked at.
 */

export type LabelCandidate = { key: string; speaker: string; rest: string };

// Optional dialogue dash or ">>" (broadcast captions), then up to the first colon that is
// followed by whitespace or the end of the line ("10:30", "http://" are not labels).
const LABEL = /^(?:(?:>>|-)[ \t]*)?([^:]{1,60}?)[ \t]*:(?:[ \t]+|$)/;
const NAME_SHAPE = /^[\p{L}\p{N}([][\p{L}\p{M}\p{N}_ .'’()[\]@&,/+#-]*$/u;
const MAX_WORDS = 6;
const OPENERS = new Set([
  "actually", "after", "also", "and", "anyway", "as", "at", "basically", "because", "before", "but", "by",
  "example", "for", "from", "honestly", "if", "in", "it", "my", "no", "note", "ok", "okay", "on", "or",
  "our", "right", "so", "sure", "that", "the", "then", "there", "these", "this", "those", "to",
  "we", "well", "what", "when", "with", "yeah", "yes", "you", "your",
]);

/** The label at the start of a cleaned caption line, if it has the shape of a name. */
export function labelCandidate(line: string): LabelCandidate | null {
  const match = LABEL.exec(line);
  if (!match) return null;
  const speaker = displayName(match[1]);
  if (!hasNameShape(speaker)) return null;
  return { key: speakerKey(speaker), speaker, rest: line.slice(match[0].length) };
}

/** A line that is only a name, Otter-style "Name" above the words; same shape rules. */
export function bareNameCandidate(line: string): LabelCandidate | null {
  const speaker = displayName(line);
  if (!hasNameShape(speaker) || /[.,]$/.test(speaker)) return null;
  return { key: speakerKey(speaker), speaker, rest: "" };
}

/** True when the name would pass as a speaker even if it occurred only once. */
export function isConfidentName(speaker: string): boolean {
  const core = speaker
    .replace(/[ \t]*[([][^)\]]*[)\]]/g, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (core === "") return false;
  // Plain-text labels may be lower case once they recur; a caption label seen once must
  // look like a capitalised name to count.
  const label = parseSpeakerLabel(`${core}:`);
  return label !== null && label.speaker === core && isCapitalisedName(core);
}

/** Speakers are the same person when their names differ only in case or spacing. */
export function speakerKey(speaker: string): string {
  return speaker.toLocaleLowerCase().replace(/\s+/g, " ");
}

// "[SPEAKER_00]" and "(Ana)" are decorated names: the brackets are not part of the name.
function displayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  const enclosed = /^\[([^\][]+)\]$|^\(([^()]+)\)$/.exec(name);
  return enclosed ? (enclosed[1] ?? enclosed[2]).trim() : name;
}

function hasNameShape(name: string): boolean {
  if (name === "" || !NAME_SHAPE.test(name)) return false;
  const words = name.split(" ");
  if (words.length > MAX_WORDS) return false;
  return !OPENERS.has(words[0].replace(/[^\p{L}]/gu, "").toLowerCase());
}
