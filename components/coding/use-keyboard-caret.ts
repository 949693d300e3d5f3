"use client";

import { useCallback, useRef } from "react";
import { extendFocus, moveCaret, type CaretUnit } from "@/lib/codings/spans/caret";
import type { Span } from "@/lib/codings/spans/types";

/**
 * A caret and selection moved by keyboard, in code points, for coding without a mouse:
 * arrows move by character, Ctrl+arrows by word, Ctrl+Up/Down by sentence, Alt+Up/Down by
 * speaker turn; Shift extends the selection instead of moving the caret.
 */
export function useKeyboardCaret(text: string, turns: readonly Span[]) {
  const anchor = useRef(0);
  const focus = useRef(0);

  const place = useCallback((offset: number) => {
    anchor.current = offset;
    focus.current = offset;
  }, []);

  const handle = useCallback(
    (event: KeyboardEvent): Span | null | undefined => {
      const keys: Record<string, [1 | -1, CaretUnit]> = {
        ArrowRight: [1, event.ctrlKey || event.metaKey ? "word" : "character"],
        ArrowLeft: [-1, event.ctrlKey || event.metaKey ? "word" : "character"],
        ArrowDown: [1, event.altKey ? "turn" : "sentence"],
        ArrowUp: [-1, event.altKey ? "turn" : "sentence"],
      };
      const move = keys[event.key];
      if (!move) return undefined;
      const [sign, unit] = move;
      const direction = sign > 0 ? "forward" : "backward";
      if (event.shiftKey) {
        focus.current = extendFocus(text, focus.current, direction, unit, { turns });
      } else if (anchor.current !== focus.current && unit === "character") {
        // As in any editor: Left/Right with a selection collapse it to its start/end.
        place(sign > 0 ? Math.max(anchor.current, focus.current) : Math.min(anchor.current, focus.current));
      } else {
        const from = anchor.current === focus.current ? focus.current : sign > 0 ? Math.max(anchor.current, focus.current) : Math.min(anchor.current, focus.current);
        place(moveCaret(text, from, direction, unit, { turns }));
      }
      const start = Math.min(anchor.current, focus.current);
      const end = Math.max(anchor.current, focus.current);
      return start < end ? { start, end } : null;
    },
    [text, turns, place],
  );

  return { handle, place, anchor, focus };
}
