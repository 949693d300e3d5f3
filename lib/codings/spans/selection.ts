import { codePointLength, codePointToUtf16, utf16ToCodePoint } from "../../transcripts/offsets";
import type { Span } from "./types";

/**
 * The contract between the rendered transcript and the stored spans. The transcript renders
 * text in elements (a turn, or a segment inside it) that carry `data-start`: the code point
 * offset of their first character in the document text. Each element's text content must be
 * exactly the document text from there on (speaker labels and other chrome live outside such
 * elements). The DOM reports a selection endpoint as a UTF-16 offset; the UI resolves it to
 * an offset within the element's text (summing the text nodes before it) and hands it here.
 * This is the one place browser units become code points, and back.
 */

export type SelectionEndpoint = {
  /** The element's data-start, in code points. */
  elementStart: number;
  /** The element's text content. */
  elementText: string;
  /** Offset within elementText, in UTF-16 code units, as the DOM counts. */
  utf16Offset: number;
};

/** An element as rendered: where its text starts in the document, and its text. */
export type RenderedText = { start: number; text: string };

/**
 * The document offset of a selection endpoint. An endpoint inside a surrogate pair (a
 * browser can report one after a programmatic selection) is rounded down or up to a whole
 * character: down for a passage's start, up for its end, so the emoji is included.
 */
export function endpointToOffset(endpoint: SelectionEndpoint, round: "down" | "up" = "down"): number {
  const { elementStart, elementText, utf16Offset } = endpoint;
  if (!Number.isInteger(elementStart) || elementStart < 0) throw new RangeError(`data-start ${elementStart} is not a whole number >= 0`);
  let index = utf16Offset;
  if (splitsSurrogatePair(elementText, index)) index += round === "down" ? -1 : 1;
  return elementStart + utf16ToCodePoint(elementText, index);
}

/**
 * The span between a selection's anchor and focus, whichever comes first (a selection made
 * right to left has its anchor after its focus). It may be empty; snap it with snapToWords
 * and check it with validateSpan before saving.
 */
export function selectionToSpan(anchor: SelectionEndpoint, focus: SelectionEndpoint): Span {
  const a = [endpointToOffset(anchor, "down"), endpointToOffset(anchor, "up")];
  const f = [endpointToOffset(focus, "down"), endpointToOffset(focus, "up")];
  return a[0] <= f[0] ? { start: a[0], end: f[1] } : { start: f[0], end: a[1] };
}

/**
 * Where a document offset falls in the rendered elements (sorted by start, not
 * overlapping), to place a caret or scroll a coding into view: the element's index and the
 * UTF-16 offset in its text. An offset on the boundary of two elements, or in a gap between
 * them (a speaker label), goes to the start of the next element ("forward") or the end of the
 * previous one ("backward"). Null when no element lies in that direction.
 */
export function offsetToEndpoint(
  elements: readonly RenderedText[],
  offset: number,
  affinity: "forward" | "backward" = "forward",
): { elementIndex: number; utf16Offset: number } | null {
  const at = (elementIndex: number, codePoints: number) => ({
    elementIndex,
    utf16Offset: codePointToUtf16(elements[elementIndex].text, codePoints),
  });
  const endOf = (i: number) => elements[i].start + codePointLength(elements[i].text);
  if (affinity === "forward") {
    // The caret goes before the character at `offset`.
    const i = lastIndexWhere(elements, (e) => e.start <= offset);
    if (i >= 0 && offset < endOf(i)) return at(i, offset - elements[i].start);
    if (i + 1 < elements.length) return { elementIndex: i + 1, utf16Offset: 0 };
    if (i >= 0 && offset === endOf(i)) return { elementIndex: i, utf16Offset: elements[i].text.length };
    return null;
  }
  // The caret goes after the character before `offset`.
  const i = lastIndexWhere(elements, (e) => e.start < offset);
  if (i >= 0) return offset <= endOf(i) ? at(i, offset - elements[i].start) : { elementIndex: i, utf16Offset: elements[i].text.length };
  if (elements.length > 0 && offset === elements[0].start) return { elementIndex: 0, utf16Offset: 0 };
  return null;
}

// Binary search over elements sorted by start: the last one satisfying a predicate that
// holds for a prefix of them, or -1.
function lastIndexWhere(elements: readonly RenderedText[], holds: (element: RenderedText) => boolean): number {
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(elements[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const high = text.charCodeAt(index - 1);
  const low = text.charCodeAt(index);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
