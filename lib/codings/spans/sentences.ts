import { isClosing, isIdeographicTerminal, isSentenceTerminal, isSpace, isWordChar } from "./characters";
import type { TextCursor } from "./text-cursor";

/**
 * Sentence and paragraph boundaries for keyboard moves. A sentence ends after a terminal
 * (". ! ?" in any script, "。" and "؟" included) and any closing quotes or brackets, where
 * whitespace or the end of the text follows; a line break ends one too, because a turn often stops without a full
 * stop ("Interviewer: And then\nAna: Yes"). The rule is deliberately simple and
 * predictable: "3.5" is not split (no space follows), "Dr. Okafor" would be, so a few
 * common titles and abbreviations are listed. An ellipsis ("…" or "...") is a hesitation
 * in a transcript, not the end of a sentence.
 */

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "mx", "dr", "prof", "st", "vs", "e.g", "i.e", "cf", "approx"]);

/** Whether a sentence ends at the cursor (just after its last visible character). */
export function isSentenceEnd(cursor: TextCursor): boolean {
  const last = cursor.prev();
  if (last === "" || isSpace(last)) return false;
  const next = cursor.next();
  if (isIdeographicTerminal(last) && !isClosing(next)) return true;
  if (next !== "" && !isSpace(next)) return false;
  if (whitespaceAheadHasBreak(cursor, 1)) return true;
  const probe = cursor.clone();
  while (isClosing(probe.prev()) && !isSentenceTerminal(probe.prev())) probe.backward();
  if (!isSentenceTerminal(probe.prev())) return false;
  probe.backward();
  const ellipsis = probe.next() === "." && probe.prev() === ".";
  return !ellipsis && !isAbbreviationBefore(probe);
}

/** Whether a sentence starts at the cursor (at its first visible character). */
export function isSentenceStart(cursor: TextCursor): boolean {
  const first = cursor.next();
  if (first === "" || isSpace(first)) return false;
  const probe = cursor.clone();
  while (isSpace(probe.prev())) probe.backward();
  return probe.atStart || isSentenceEnd(probe);
}

/** Whether a paragraph (text between blank lines) ends at the cursor. */
export function isParagraphEnd(cursor: TextCursor): boolean {
  const last = cursor.prev();
  if (last === "" || isSpace(last)) return false;
  return whitespaceAheadHasBreak(cursor, 2);
}

/** Whether a paragraph starts at the cursor. */
export function isParagraphStart(cursor: TextCursor): boolean {
  const first = cursor.next();
  if (first === "" || isSpace(first)) return false;
  let newlines = 0;
  const probe = cursor.clone();
  while (isSpace(probe.prev())) {
    if (probe.prev() === "\n") newlines++;
    probe.backward();
  }
  return probe.atStart || newlines >= 2;
}

// True when the whitespace after the cursor holds at least `newlines` line breaks or runs
// to the end of the text.
function whitespaceAheadHasBreak(cursor: TextCursor, newlines: number): boolean {
  let seen = 0;
  const probe = cursor.clone();
  while (isSpace(probe.next())) {
    if (probe.next() === "\n") seen++;
    probe.forward();
  }
  return probe.atEnd || seen >= newlines;
}

// "Dr." or "e.g." before the cursor, which sits just before the final full stop.
function isAbbreviationBefore(cursor: TextCursor): boolean {
  if (cursor.next() !== ".") return false;
  let word = "";
  const probe = cursor.clone();
  while ((isWordChar(probe.prev()) || probe.prev() === ".") && word.length < 8) {
    word = probe.prev() + word;
    probe.backward();
  }
  return ABBREVIATIONS.has(word.toLowerCase());
}
