"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { scrollToShow, visibleRows, type RowWindow } from "@/lib/codes/window";

/**
 * Lists of up to WINDOW_FROM rows are drawn whole: cheap, and every row stays findable (in
 * the page, by tests, by the browser's find). Longer ones draw only the rows in view.
 */
export const WINDOW_FROM = 100;

/**
 * A scrollable list of `count` rows of `rowHeight` pixels: attach `ref` and `onScroll` to the
 * scrolling element, draw rows window.start..window.end with window.before/after pixels of
 * padding. `guess` is the height assumed before the element is measured (the server's render).
 */
export function useRowWindow<E extends HTMLElement>(count: number, rowHeight: number, guess: number) {
  const ref = useRef<E>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(guess);
  const windowed = count > WINDOW_FROM;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setViewport(element.clientHeight || guess);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || guess));
    observer.observe(element);
    return () => observer.disconnect();
  }, [guess, windowed]);

  const onScroll = useCallback((event: React.UIEvent<E>) => setScrollTop(event.currentTarget.scrollTop), []);

  /** Scrolls row `index` into view (keyboard moves), by as little as needed. */
  const show = useCallback(
    (index: number) => {
      const element = ref.current;
      if (!element) return;
      const top = scrollToShow({ scrollTop: element.scrollTop, viewport: element.clientHeight || guess, rowHeight, index });
      if (top !== element.scrollTop) {
        element.scrollTop = top;
        setScrollTop(top);
      }
    },
    [rowHeight, guess],
  );

  const reset = useCallback(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, []);

  const window: RowWindow = windowed ? visibleRows({ count, rowHeight, scrollTop, viewport }) : { start: 0, end: count, before: 0, after: 0 };
  return { ref, onScroll, window, windowed, show, reset };
}
