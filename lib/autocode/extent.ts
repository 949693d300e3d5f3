import type { Extent } from "./limits";

/**
 * Widening a hit to the passage a researcher codes, and merging the results. Pure and in code
 * points: `chars` is the document's text split into code points (Array.from), so an index into
 * it is an offset as Grounded stores them (lib/transcripts/offsets.ts), emoji included.
 */

export type Span = { start: number; end: number };
export type Turn = { index: number; speaker: string; start: number; end: number };

const SENTENCE_END = new Set([".", "!", "?", "…"]);
// Quotes and brackets that close a sentence after its full stop: 'it was "fine." Then ...'.
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»"]);
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isBreak = (c: string | undefined) => c === "\n";

/** Whether a sentence ends just before `i`: a mark (and closing quotes), then a space or the end. */
function endsSentence(chars: readonly string[], i: number): boolean {
  if (i < chars.length && !isSpace(chars[i])) return false;
  let j = i - 1;
  while (j > 0 && CLOSERS.has(chars[j])) j--;
  return SENTENCE_END.has(chars[j] ?? "");
}

/** The turn holding offset `at` (turns sorted by start), or null for text outside every turn (a header). */
export function turnAt(turns: readonly Turn[], at: number): Turn | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = turns[mid];
    if (at < t.start) hi = mid - 1;
    else if (at >= t.end) lo = mid + 1;
    else return t;
  }
  return null;
}

/**
 * `span` widened to `extent`:
 * - hit: as it is;
 * - turn: the speaker turns holding its first and last character (outside every turn: its paragraph);
 * - paragraph: between the line breaks around it, inside its turn;
 * - sentence: between the sentence ends (. ! ? … followed by a space) or line breaks around it,
 *   inside its turn, with the closing punctuation.
 * Whitespace at the edges is trimmed, but never into the hit itself.
 */
export function widen(chars: readonly string[], turns: readonly Turn[], span: Span, extent: Extent): Span {
  if (extent === "hit") return span;
  const first = turnAt(turns, span.start);
  const last = turnAt(turns, Math.max(span.start, span.end - 1));
  // Bounds the passage may not cross: its turns, or the whole text outside them.
  const lower = first?.start ?? 0;
  const upper = Math.max(last?.end ?? chars.length, span.end);
  if (extent === "turn" && first && last) return trim(chars, { start: first.start, end: last.end }, span);

  let start = span.start;
  let end = span.end;
  if (extent === "sentence") {
    while (start > lower && !isBreak(chars[start - 1]) && !(isSpace(chars[start - 1]) && endsSentence(chars, start - 1))) start--;
    while (end < upper && !isBreak(chars[end]) && !endsSentence(chars, end)) end++;
  } else {
    while (start > lower && !isBreak(chars[start - 1])) start--;
    while (end < upper && !isBreak(chars[end])) end++;
  }
  return trim(chars, { start, end }, span);
}

function trim(chars: readonly string[], wide: Span, hit: Span): Span {
  let { start, end } = wide;
  while (start < hit.start && isSpace(chars[start])) start++;
  while (end > hit.end && isSpace(chars[end - 1])) end--;
  return { start, end };
}

/**
 * Spans sorted and merged where they overlap: two hits in one sentence make one passage, a
 * hit inside another's passage adds nothing. Spans that merely touch stay apart.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
