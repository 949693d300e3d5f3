import { isDangling, isExtender, isPunctuation, isSpace, isWordChar } from "./characters";
import { splitsGrapheme } from "./graphemes";
import { TextCursor } from "./text-cursor";
import type { Span } from "./types";
import { splitsWord } from "./words";

/**
 * Turns a rough mouse selection into the passage the analyst meant, looking only at its
 * two edges (a selection across speaker turns keeps everything in between):
 *
 * 1. grow each edge to the end of a word it cuts ("terv" -> "interview"), and never split
 *    a character as the reader sees it (an emoji sequence, a letter with its accent);
 * 2. trim whitespace at both edges; a selection of whitespace only gives null (even when
 *    a stray combining mark follows it);
 * 3. drop edge tokens made only of punctuation (", and so" -> "and so", "it was —" ->
 *    "it was"), and drop a separator stuck to the edge word ("scared," -> "scared");
 * 4. keep everything else that was selected: a full stop, "?!", closing quotes or brackets,
 *    "...", "50%", emoji. Snapping never adds punctuation the analyst did not select.
 *
 * A selection made only of punctuation (a "..." pause coded as hesitation) is
 * kept as selected, minus the surrounding whitespace.
 */
export function snapToWords(text: string, start: number, end: number): Span | null {
  if (!(start < end)) return null;
  const head = TextCursor.at(text, start);
  const tail = head.clone().moveTo(end);
  if (isBlank(head, tail)) return null;

  while (splitsWord(head) || splitsGrapheme(head)) head.backward();
  while (splitsWord(tail) || splitsGrapheme(tail)) tail.forward();

  while (head.offset < tail.offset && isSpace(head.next())) head.forward();
  while (tail.offset > head.offset && isSpace(tail.prev())) tail.backward();
  if (head.offset === tail.offset) return null;
  const trimmed = { start: head.offset, end: tail.offset };

  dropPunctuationTokens(head, tail);
  if (isPunctuationOnly(head, tail)) return trimmed;
  // Terminates: the passage holds a character that is not punctuation, so not dangling.
  while (isDangling(head.next())) head.forward();
  while (isDangling(tail.prev())) tail.backward();
  return { start: head.offset, end: tail.offset };
}

/** The word at a caret (inside it or touching it), or null between words. */
export function wordAt(text: string, offset: number): Span | null {
  const cursor = TextCursor.at(text, offset);
  if (!isWordChar(cursor.next()) && !isWordChar(cursor.prev())) return null;
  const head = cursor.clone();
  const tail = cursor.clone();
  if (!isWordChar(cursor.next())) head.backward();
  else tail.forward();
  while (splitsWord(head)) head.backward();
  while (splitsWord(tail)) tail.forward();
  return { start: head.offset, end: tail.offset };
}

// Drops whole whitespace-separated tokens of punctuation at either edge while a token of
// another kind remains between them.
function dropPunctuationTokens(head: TextCursor, tail: TextCursor): void {
  for (;;) {
    const after = head.clone();
    while (after.offset < tail.offset && !isSpace(after.next())) after.forward();
    if (after.offset === tail.offset || !isPunctuationOnly(head, after)) break;
    while (isSpace(after.next())) after.forward();
    head.moveTo(after.offset);
  }
  for (;;) {
    const before = tail.clone();
    while (before.offset > head.offset && !isSpace(before.prev())) before.backward();
    if (before.offset === head.offset || !isPunctuationOnly(before, tail)) break;
    while (isSpace(before.prev())) before.backward();
    tail.moveTo(before.offset);
  }
}

function isBlank(from: TextCursor, to: TextCursor): boolean {
  const probe = from.clone();
  for (; probe.offset < to.offset; probe.forward()) if (!isSpace(probe.next())) return false;
  return true;
}

function isPunctuationOnly(from: TextCursor, to: TextCursor): boolean {
  const probe = from.clone();
  while (probe.offset < to.offset) {
    const c = probe.next();
    if (!isPunctuation(c) && !isExtender(c) && !isSpace(c)) return false;
    probe.forward();
  }
  return true;
}
