/**
 * Offsets in Grounded count Unicode code points of the document's normalized text (NFC,
 * "\n" line ends): the unit REFI-QDA uses for plain-text selections, and the unit
 * PostgreSQL's char_length/substr use, so the database can check every span.
 * JavaScript strings index UTF-16 code units, which differ as soon as the text holds a
 * character outside the Basic Multilingual Plane (an emoji, say). Convert here, once, at
 * the boundary between the browser's selection and the stored span.
 *
 * Combining marks are separate code points: "é" written as e + U+0301 is two, and NFC
 * turns it into one before anything is stored.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    count++;
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}

/** UTF-16 index -> code point offset. An index inside a surrogate pair is an error. */
export function utf16ToCodePoint(text: string, utf16Index: number): number {
  if (!Number.isInteger(utf16Index) || utf16Index < 0 || utf16Index > text.length) {
    throw new RangeError(`UTF-16 index ${utf16Index} is outside the text (length ${text.length})`);
  }
  if (utf16Index > 0 && utf16Index < text.length && isLowSurrogate(text.charCodeAt(utf16Index)) && isHighSurrogate(text.charCodeAt(utf16Index - 1))) {
    throw new RangeError(`UTF-16 index ${utf16Index} splits a character`);
  }
  return codePointLength(text.slice(0, utf16Index));
}

/** Code point offset -> UTF-16 index. */
export function codePointToUtf16(text: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset ${offset} is not a whole number >= 0`);
  let index = 0;
  for (let seen = 0; seen < offset; seen++) {
    if (index >= text.length) throw new RangeError(`offset ${offset} is outside the text (${seen} characters)`);
    index += isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}

/** The text between two code point offsets. */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end));
}

/**
 * Maps many offsets at once in one pass (rendering a long transcript converts every
 * coding's bounds; calling codePointToUtf16 per bound would be quadratic).
 */
export function codePointIndex(text: string): { toUtf16(offset: number): number; toCodePoint(index: number): number } {
  const utf16AtCodePoint: number[] = [];
  for (let i = 0; i < text.length; i++) {
    utf16AtCodePoint.push(i);
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  utf16AtCodePoint.push(text.length);
  return {
    toUtf16(offset) {
      const index = utf16AtCodePoint[offset];
      if (index === undefined) throw new RangeError(`offset ${offset} is outside the text`);
      return index;
    },
    toCodePoint(index) {
      let lo = 0;
      let hi = utf16AtCodePoint.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (utf16AtCodePoint[mid] < index) lo = mid + 1;
        else hi = mid;
      }
      if (utf16AtCodePoint[lo] !== index) throw new RangeError(`UTF-16 index ${index} splits a character or is outside the text`);
      return lo;
    },
  };
}

/** The one normalization every document text goes through, on import. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
