import { codePointIndex } from "./offsets";

export type Found = { start: number; end: number };

/** More hits than a find bar steps through usefully; the count says "1,000+" past it. */
export const FIND_LIMIT = 1000;

/**
 * Every place `query` occurs in `text`, ignoring case (Unicode-aware, so "É" finds "é"), as
 * code-point offsets [start, end) like codings', in reading order, without overlaps, at most
 * FIND_LIMIT. Whitespace in the query matches any run of whitespace, so a phrase across a line
 * break is still found. An empty or all-space query finds nothing.
 */
export function findInText(text: string, query: string): { hits: Found[]; more: boolean } {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { hits: [], more: false };
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"), "giu");
  const index = codePointIndex(text);
  const hits: Found[] = [];
  for (const match of text.matchAll(pattern)) {
    if (hits.length === FIND_LIMIT) return { hits, more: true };
    const start = index.toCodePoint(match.index);
    hits.push({ start, end: index.toCodePoint(match.index + match[0].length) });
  }
  return { hits, more: false };
}

/** The hit to show after moving `step` (+1 next, -1 previous) from `current`, wrapping around. */
export function stepHit(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
