import type { Segment } from "../agreement";

/**
 * The segments of a document for segment-level agreement: its speaker turns (the spoken
 * words, labels excluded) when it has any, otherwise its paragraphs (runs of text between
 * blank lines, trimmed of surrounding white space). Offsets are code points, like codings.
 * A document with text but neither is one segment, so no document silently drops out.
 */

export type SegmentSource = "turns" | "paragraphs";

export function documentSegments(
  text: string | null,
  textLength: number,
  turns: ReadonlyArray<Segment>,
): { source: SegmentSource; segments: Segment[] } {
  const spoken = turns.filter((t) => t.start < t.end && t.start >= 0 && t.end <= textLength).sort((a, b) => a.start - b.start);
  if (spoken.length > 0) return { source: "turns", segments: spoken.map(({ start, end }) => ({ start, end })) };
  const paragraphs = text === null ? [] : paragraphSegments(text);
  if (paragraphs.length === 0 && textLength > 0) return { source: "paragraphs", segments: [{ start: 0, end: textLength }] };
  return { source: "paragraphs", segments: paragraphs };
}

/** Paragraphs of `text` as code point spans: separated by a line holding only white space. */
export function paragraphSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  // Walk by code points so offsets match stored spans even after an emoji.
  const chars = Array.from(text);
  let start = -1;
  let lastNonSpace = -1;
  let newlines = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "\n") {
      newlines++;
      if (newlines >= 2 && start >= 0) {
        segments.push({ start, end: lastNonSpace + 1 });
        start = -1;
      }
      continue;
    }
    if (/\s/u.test(ch)) continue;
    newlines = 0;
    if (start < 0) start = i;
    lastNonSpace = i;
  }
  if (start >= 0) segments.push({ start, end: lastNonSpace + 1 });
  return segments;
}
