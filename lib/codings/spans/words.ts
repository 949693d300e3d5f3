import { isJoiner, isWordChar } from "./characters";
import type { TextCursor } from "./text-cursor";

/**
 * Word boundaries. A word is a run of letters, marks and numbers, with apostrophes and
 * hyphens counted in when a word character stands on both sides ("don't", "well-known",
 * "Jean-Luc"). Everything else (spaces, punctuation, emoji, symbols) lies between words.
 */

/** Whether the cursor sits strictly inside a word, so a passage boundary there would cut it. */
export function splitsWord(cursor: TextCursor): boolean {
  const before = cursor.prev();
  const after = cursor.next();
  if (isWordChar(before) && isWordChar(after)) return true;
  if (isWordChar(before) && isJoiner(after)) return isWordChar(cursor.afterNext());
  if (isJoiner(before) && isWordChar(after)) return isWordChar(cursor.beforePrev());
  return false;
}

/** Whether a word starts at the cursor. */
export function isWordStart(cursor: TextCursor): boolean {
  return isWordChar(cursor.next()) && !splitsWord(cursor);
}

/** Whether a word ends at the cursor. */
export function isWordEnd(cursor: TextCursor): boolean {
  return isWordChar(cursor.prev()) && !splitsWord(cursor);
}
