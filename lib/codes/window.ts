/**
 * Windowing for long lists of fixed-height rows (the codebook panel and the code picker with a
 * codebook of thousands of codes): only the rows in view, plus a few either side so that a
 * scroll does not show blank space before React catches up, are drawn; the rest of the list is
 * empty space of the right height, so the scroll bar and scrolling behave as for the whole list.
 * Fixed heights keep it arithmetic: scrollTop / rowHeight is the first row in view.
 */
export type RowWindow = {
  /** First row drawn (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Empty space above and below the drawn rows, in pixels. */
  before: number;
  after: number;
};

export const OVERSCAN_ROWS = 6;

export function visibleRows(options: { count: number; rowHeight: number; scrollTop: number; viewport: number; overscan?: number }): RowWindow {
  const { count, rowHeight } = options;
  const overscan = options.overscan ?? OVERSCAN_ROWS;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, options.scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, options.viewport) / rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), Math.max(0, count - 1));
  const end = Math.min(count, first + inView + overscan);
  return { start, end: Math.max(start, end), before: start * rowHeight, after: (count - Math.max(start, end)) * rowHeight };
}

/** The scrollTop that brings row `index` into view, moving as little as possible (keyboard moves in a list). */
export function scrollToShow(options: { scrollTop: number; viewport: number; rowHeight: number; index: number }): number {
  const { scrollTop, viewport, rowHeight, index } = options;
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return Math.max(0, top + rowHeight - viewport);
  return scrollTop;
}
