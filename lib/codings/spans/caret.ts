import { splitsGrapheme } from "./graphemes";
import { isParagraphEnd, isParagraphStart, isSentenceEnd, isSentenceStart } from "./sentences";
import { TextCursor } from "./text-cursor";
import type { Direction, Span } from "./types";
import { isWordEnd, isWordStart } from "./words";

/**
 * Keyboard moves for a keyboard-only coding path: put the caret at the start of a passage,
 * extend the selection to its end, tag it. Two families, after the platforms' conventions:
 *
 * - moveCaret goes to the START of the next unit (forward) or of the current or previous
 *   unit (backward), like Ctrl+Arrow on Windows, so the caret lands where a passage begins;
 * - extendFocus moves a selection's focus to the END of the next unit (forward) or the
 *   START of the current or previous one (backward), like Shift+Alt+Arrow on macOS, so a
 *   selection grown word by word never ends on trailing space.
 *
 * When there is nothing further in that direction the offset stays put (forward, moveCaret
 * falls back to the last unit's end, so the caret can reach the end of the last word).
 * "turn" uses the document's speaker turns when given, else paragraphs (blank lines).
 */

export type CaretUnit = "character" | "word" | "sentence" | "turn";
export type CaretOptions = { turns?: readonly Span[] };

type Boundaries = { isStart(cursor: TextCursor): boolean; isEnd(cursor: TextCursor): boolean };

const BOUNDARIES: Record<Exclude<CaretUnit, "turn">, Boundaries> & { paragraph: Boundaries } = {
  character: { isStart: (c) => !c.atEnd && !splitsGrapheme(c), isEnd: (c) => !c.atStart && !splitsGrapheme(c) },
  word: { isStart: isWordStart, isEnd: isWordEnd },
  sentence: { isStart: isSentenceStart, isEnd: isSentenceEnd },
  paragraph: { isStart: isParagraphStart, isEnd: isParagraphEnd },
};

/** The caret's new offset after moving one unit (code points). */
export function moveCaret(text: string, offset: number, direction: Direction, unit: CaretUnit, options: CaretOptions = {}): number {
  if (unit === "turn" && options.turns) {
    const { turns } = options;
    if (direction === "backward") return maxBelow(turns.map((t) => t.start), offset) ?? offset;
    return minAbove(turns.map((t) => t.start), offset) ?? minAbove(turns.map((t) => t.end), offset) ?? offset;
  }
  const { isStart, isEnd } = boundariesFor(unit);
  if (direction === "backward") return seekBackward(text, offset, isStart) ?? offset;
  return seekForward(text, offset, isStart) ?? seekForward(text, offset, isEnd) ?? offset;
}

/** A selection focus's new offset after extending it by one unit (code points). */
export function extendFocus(text: string, focus: number, direction: Direction, unit: CaretUnit, options: CaretOptions = {}): number {
  if (unit === "turn" && options.turns) {
    const { turns } = options;
    if (direction === "backward") return maxBelow(turns.map((t) => t.start), focus) ?? focus;
    return minAbove(turns.map((t) => t.end), focus) ?? focus;
  }
  const { isStart, isEnd } = boundariesFor(unit);
  if (direction === "backward") return seekBackward(text, focus, isStart) ?? focus;
  return seekForward(text, focus, isEnd) ?? focus;
}

function boundariesFor(unit: CaretUnit): Boundaries {
  return unit === "turn" ? BOUNDARIES.paragraph : BOUNDARIES[unit];
}

function seekForward(text: string, offset: number, found: (cursor: TextCursor) => boolean): number | null {
  const cursor = TextCursor.at(text, offset);
  while (cursor.forward()) if (found(cursor)) return cursor.offset;
  return null;
}

function seekBackward(text: string, offset: number, found: (cursor: TextCursor) => boolean): number | null {
  const cursor = TextCursor.at(text, offset);
  while (cursor.backward()) if (found(cursor)) return cursor.offset;
  return null;
}

function minAbove(values: number[], bound: number): number | null {
  let best: number | null = null;
  for (const v of values) if (v > bound && (best === null || v < best)) best = v;
  return best;
}

function maxBelow(values: number[], bound: number): number | null {
  let best: number | null = null;
  for (const v of values) if (v < bound && (best === null || v > best)) best = v;
  return best;
}
