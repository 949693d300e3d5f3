import { isExtender, isPictographic, isRegionalIndicator } from "./characters";
import type { TextCursor } from "./text-cursor";

/**
 * Whether the cursor sits inside one user-perceived character, where no passage may begin
 * or end: before a combining mark ("e" + U+0301 in text that escaped NFC), before a skin
 * tone or variation selector, on either side of a zero-width joiner ("👩‍🔬"), or between
 * the two regional indicators of a flag ("🇵🇹"). A reduced UAX #29: Intl.Segmenter would be
 * exact, but it segments whole strings and its answers change with the ICU version, while
 * span logic must give the browser and the server the same result.
 */
export function splitsGrapheme(cursor: TextCursor): boolean {
  const before = cursor.prev();
  const after = cursor.next();
  if (before === "" || after === "") return false;
  if (isExtender(after)) return true;
  if (before === "\u200D" && isPictographic(after)) return true;
  if (isRegionalIndicator(before) && isRegionalIndicator(after)) {
    // Indicators pair up from the start of their run: inside a pair after an odd count.
    let run = 0;
    const probe = cursor.clone();
    while (isRegionalIndicator(probe.prev())) {
      run++;
      probe.backward();
    }
    return run % 2 === 1;
  }
  return false;
}

/** Moves the cursor back to the start of the character it is inside, if any. */
export function toGraphemeStart(cursor: TextCursor): TextCursor {
  while (splitsGrapheme(cursor)) cursor.backward();
  return cursor;
}

/** Moves the cursor on to the end of the character it is inside, if any. */
export function toGraphemeEnd(cursor: TextCursor): TextCursor {
  while (splitsGrapheme(cursor)) cursor.forward();
  return cursor;
}
