/**
 * The words of a cue payload. WebVTT cue text (https://www.w3.org/TR/webvtt1/#cue-text)
 * marks speakers with voice spans, `<v Name>` or `<v.class Name>`, closed by `</v>` or not
 * at all (Teams writes both), and styles with <i>, <b>, <u>, <c.class>, <lang>, <ruby>/<rt>
 * and timestamp tags <00:00:01.000>. SRT files carry <i>, <b>, <font color=...> and
 * {\an8}-style position codes. Only the voice name is kept; every other tag is dropped and
 * character references are decoded.
 */

export type VoiceSegment = {
  /** The voice name, or null for text outside any voice span. */
  voice: string | null;
  /** Cleaned lines, empty ones removed. */
  lines: string[];
};

// "<v" then optional ".class.class", then the name after whitespace. "<video>" is no voice.
const VOICE_TAG = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/gi;
// A tag name starts right after "<" or "</" ("a < b" is text); digits open a timestamp tag.
const TAG = /<\/?(?:[a-z][^<>]*|\d[\d:.]*)>/gi;
const ASS_OVERRIDE = /\{\\[^{}]*\}/g;
const REFERENCE = /&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/gi;
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  nbsp: "\u00A0",
  lrm: "\u200E",
  rlm: "\u200F",
  quot: '"',
  apos: "'",
};

/** Splits a payload at its voice tags; text before the first one has no voice. */
export function splitVoices(payload: string[]): VoiceSegment[] {
  const joined = payload.join("\n");
  const segments: VoiceSegment[] = [];
  let voice: string | null = null;
  let from = 0;
  for (const match of joined.matchAll(VOICE_TAG)) {
    pushSegment(segments, voice, joined.slice(from, match.index));
    const name = match[1] === undefined ? "" : cleanLine(match[1]);
    voice = name === "" ? null : name;
    from = match.index + match[0].length;
  }
  pushSegment(segments, voice, joined.slice(from));
  return segments;
}

function pushSegment(segments: VoiceSegment[], voice: string | null, text: string): void {
  const lines = text.split("\n").map(cleanLine).filter((line) => line !== "");
  if (lines.length > 0 || voice !== null) segments.push({ voice, lines });
}

/** One payload line as words: tags out, references decoded, runs of spaces made one. */
export function cleanLine(line: string): string {
  return decodeReferences(line.replace(TAG, "").replace(ASS_OVERRIDE, ""))
    .replace(/[ \t]+/g, " ")
    .trim();
}

export function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
