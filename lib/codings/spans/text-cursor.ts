import { codePointToUtf16 } from "../../transcripts/offsets";

/**
 * A position in a text that steps by code points and knows both its UTF-16 index and its
 * code point offset. Snapping and caret moves look only at the characters near an offset;
 * walking from there, instead of copying the text into an array of code points, keeps each
 * keystroke cheap on a 300,000-character transcript (one linear scan to find the start, no
 * allocation proportional to the text).
 *
 * A lone surrogate counts as one code point, as in offsets.ts.
 */
export class TextCursor {
  private constructor(
    readonly text: string,
    private index: number,
    private codePoint: number,
  ) {}

  /** A cursor at a code point offset; throws a RangeError outside the text. */
  static at(text: string, offset: number): TextCursor {
    return new TextCursor(text, codePointToUtf16(text, offset), offset);
  }

  get offset(): number {
    return this.codePoint;
  }

  get atStart(): boolean {
    return this.index === 0;
  }

  get atEnd(): boolean {
    return this.index >= this.text.length;
  }

  clone(): TextCursor {
    return new TextCursor(this.text, this.index, this.codePoint);
  }

  /** The code point after the cursor, or "" at the end. */
  next(): string {
    const code = this.text.codePointAt(this.index);
    return code === undefined ? "" : String.fromCodePoint(code);
  }

  /** The code point before the cursor, or "" at the start. */
  prev(): string {
    if (this.index === 0) return "";
    const low = this.text.charCodeAt(this.index - 1);
    const high = this.index >= 2 ? this.text.charCodeAt(this.index - 2) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    return this.text.slice(this.index - (pair ? 2 : 1), this.index);
  }

  /** Steps over the next code point; false at the end. */
  forward(): boolean {
    const c = this.next();
    if (c === "") return false;
    this.index += c.length;
    this.codePoint++;
    return true;
  }

  /** Steps back over the previous code point; false at the start. */
  backward(): boolean {
    const c = this.prev();
    if (c === "") return false;
    this.index -= c.length;
    this.codePoint--;
    return true;
  }

  /**
   * Walks to another code point offset, so a second offset near the first costs only the
   * distance between them; throws a RangeError outside the text.
   */
  moveTo(offset: number): TextCursor {
    if (!Number.isInteger(offset)) throw new RangeError(`offset ${offset} is not a whole number`);
    while (this.codePoint < offset) if (!this.forward()) throw new RangeError(`offset ${offset} is outside the text (${this.codePoint} characters)`);
    while (this.codePoint > offset) if (!this.backward()) throw new RangeError(`offset ${offset} is not a whole number >= 0`);
    return this;
  }

  /** The code point after the next one ("" if none), without moving. */
  afterNext(): string {
    const probe = this.clone();
    probe.forward();
    return probe.next();
  }

  /** The code point before the previous one ("" if none), without moving. */
  beforePrev(): string {
    const probe = this.clone();
    probe.backward();
    return probe.prev();
  }
}
