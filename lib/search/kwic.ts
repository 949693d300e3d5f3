/**
 * Pure pieces of search: the words of a query, the exact-phrase pattern, a hit's keywords in
 * context and the speaker turn a hit falls in. Indexes here are UTF-16 (JavaScript strings);
 * data.ts converts to code points (lib/transcripts/offsets.ts) before anything leaves lib/.
 */

/** A word as search sees it: a run of letters and digits (PostgreSQL's parser splits there too). */
export const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of a query, in order; safe to join into to_tsquery's syntax. */
export function queryWords(query: string): string[] {
  return [...new Set(query.match(WORD) ?? [])];
}

/** Every word of `text` with its UTF-16 bounds. */
export function* tokens(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const m of text.matchAll(WORD)) yield { word: m[0], start: m.index, end: m.index + m[0].length };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An exact phrase, ignoring case and how much white space separates its words, and never
 * inside a longer word ("label" does not hit "labelling"). Surrounding double quotes, as
 * people type them, are dropped. Null when nothing is left to search for.
 */
export function phrasePattern(query: string): RegExp | null {
  const phrase = query.trim().replace(/^"+|"+$/g, "").trim();
  if (!phrase) return null;
  const body = phrase.split(/\s+/).map(escapeRegExp).join("\\s+");
  const head = /^[\p{L}\p{N}]/u.test(phrase) ? "(?<![\\p{L}\\p{N}])" : "";
  const tail = /[\p{L}\p{N}]$/u.test(phrase) ? "(?![\\p{L}\\p{N}])" : "";
  // Simple case folding under the u flag keeps lengths, so offsets stay exact.
  return new RegExp(head + body + tail, "giu");
}

export type Context = { before: string; match: string; after: string; cutBefore: boolean; cutAfter: boolean };

/**
 * Keywords in context: the hit with up to `width` characters either side, on its own line
 * (a transcript line is one speaker's paragraph), cut at a word boundary; `cutBefore` /
 * `cutAfter` say whether text was left out (the page shows an ellipsis).
 */
export function contextOf(text: string, start: number, end: number, width = 80): Context {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const lineEnd = newline === -1 ? text.length : newline;

  let from = Math.max(lineStart, start - width);
  const cutBefore = from > lineStart;
  if (cutBefore && !/\s/.test(text[from - 1])) {
    const space = text.slice(from, start).search(/\s/);
    from = space === -1 ? from : from + space + 1;
    if (isLowSurrogate(text.charCodeAt(from))) from++;
  }
  let to = Math.min(lineEnd, end + width);
  const cutAfter = to < lineEnd;
  if (cutAfter) {
    const last = Math.max(text.lastIndexOf(" ", to), text.lastIndexOf("\t", to));
    to = last >= end ? last : to;
    if (isLowSurrogate(text.charCodeAt(to))) to--;
  }
  return {
    before: text.slice(from, start).trimStart(),
    match: text.slice(start, end),
    after: text.slice(end, to).trimEnd(),
    cutBefore,
    cutAfter,
  };
}

export type TurnSpan = { start: number; end: number; speaker: string; role: string };

/** The turn (sorted by start, code points) holding offset `at`, or null (a speaker label, say). */
export function turnAt<T extends TurnSpan>(turns: readonly T[], at: number): T | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].end <= at) lo = mid + 1;
    else if (turns[mid].start > at) hi = mid - 1;
    else return turns[mid];
  }
  return null;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
