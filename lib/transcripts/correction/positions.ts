/**
 * UTF-16 indices of a few code point offsets in one pass, with nothing allocated per
 * character: a correction needs the boundaries of its turn and of the codings it edited, in a
 * text of 300,000 characters, and building a full index (offsets.ts codePointIndex) for that
 * was most of the re-anchoring time.
 */
export function utf16At(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let next = 0;
  let cp = 0;
  for (let i = 0; next < wanted.length; cp++) {
    while (next < wanted.length && wanted[next] === cp) found.set(wanted[next++], i);
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  if (next < wanted.length) throw new RangeError(`offset ${wanted[next]} is outside the text (${cp} characters)`);
  return found;
}

/** The text between code point offsets, for several spans at once. */
export function slicesByCodePoints(text: string, spans: readonly { start: number; end: number }[]): string[] {
  const at = utf16At(text, spans.flatMap((s) => [s.start, s.end]));
  return spans.map((s) => text.slice(at.get(s.start), at.get(s.end)));
}
