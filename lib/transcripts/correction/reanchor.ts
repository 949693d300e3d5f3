import { codePointHunks, type Hunk } from "./diff";
import { slicesByCodePoints } from "./positions";

/**
 * Re-anchoring spans (codings, consensus codings) from a document's old text to its corrected
 * text, given the character diff between them. Pure, so it is tested on random edits against
 * a plain recomputation (tests/unit/transcripts/reanchor.test.ts).
 *
 * The rule, per span [s, e) of the old text:
 * - A hunk touches the span when it deletes a character inside it, or inserts strictly inside
 *   it (an insertion exactly at s or e is outside: text typed before or after a coded passage
 *   does not join it).
 * - No hunk touches it: "kept". Its characters are all still there, in a row, so it moves by
 *   the shift of the hunks before it and its quote is exactly the old one.
 * - Otherwise the new span runs from its first to its last surviving character, widened to
 *   the inserted text of a touching hunk at either edge (a word replaced at the edge of a
 *   coding is the same word corrected): "edited", with the new quote, flagged for review.
 * - Nothing of it survives and nothing replaced it: "detached" (listed to be re-placed).
 */
export type SpanStatus = "kept" | "edited" | "detached";
export type Span = { start: number; end: number };
export type Reanchored = { status: "kept" | "edited"; start: number; end: number } | { status: "detached"; start: null; end: null };

export function reanchorSpan(hunks: readonly Hunk[], span: Span): Reanchored {
  const { start: s, end: e } = span;
  // First hunk that ends after s (a pure insertion at s has oldEnd = s, so it is before).
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hunks[mid].oldEnd > s) hi = mid;
    else lo = mid + 1;
  }
  const shiftBefore = lo > 0 ? hunks[lo - 1].newEnd - hunks[lo - 1].oldEnd : 0;
  let last = lo;
  while (last < hunks.length && hunks[last].oldStart < e) last++;
  if (last === lo) return { status: "kept", start: s + shiftBefore, end: e + shiftBefore };

  const first = hunks[lo];
  const final = hunks[last - 1];
  const start = first.oldStart > s ? s + shiftBefore : first.newStart;
  const end = final.oldEnd < e ? e + (final.newEnd - final.oldEnd) : final.newEnd;
  return start < end ? { status: "edited", start, end } : { status: "detached", start: null, end: null };
}

export type SpanWithQuote = Span & { quote: string };
export type ReanchoredWithQuote<T> = { span: T; result: Reanchored; quote: string | null };

/** Every span mapped from `oldText` to `newText`, with its new quote (code point offsets). */
export function reanchor<T extends SpanWithQuote>(oldText: string, newText: string, spans: readonly T[], hunks = codePointHunks(oldText, newText)): ReanchoredWithQuote<T>[] {
  const results = spans.map((span) => reanchorSpan(hunks, span));
  // Only edited spans need their new text cut: a kept one's quote is its old quote.
  const edited = results.flatMap((r) => (r.status === "edited" ? [{ start: r.start, end: r.end }] : []));
  const quotes = slicesByCodePoints(newText, edited);
  let e = 0;
  return spans.map((span, i) => {
    const result = results[i];
    if (result.status === "detached") return { span, result, quote: null };
    if (result.status === "kept") return { span, result, quote: span.quote };
    return { span, result, quote: quotes[e++] };
  });
}
