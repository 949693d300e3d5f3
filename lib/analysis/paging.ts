/**
 * Long tables are shown a page at a time, so that no page's HTML grows without bound with the
 * codebook (10,000 codes made a summaries page of hundreds of megabytes): the page number is
 * a URL parameter (?page=2), out-of-range or malformed values fall back to the nearest page.
 */
export const ROWS_PER_PAGE = 200;

/**
 * Themes on a page of the theme summaries: each row there is a dozen linked numbers (one per
 * analyst), and the crosstab below follows the same page, so 200 a page sent over 4 MB.
 */
export const THEMES_PER_PAGE = 50;

export type Paged<T> = { rows: T[]; page: number; pages: number; total: number; from: number; to: number };

/** Where a page sits among `total` rows, without the rows: for lists paged in SQL. */
export type PageWindow = Omit<Paged<unknown>, "rows">;

/** The ?page parameter as asked: a whole number from 1, or 1 when missing or malformed. */
export function requestedPage(param: string | string[] | number | undefined): number {
  const wanted = typeof param === "number" ? param : Number.parseInt(Array.isArray(param) ? (param[0] ?? "") : (param ?? ""), 10);
  return Number.isFinite(wanted) ? Math.max(1, Math.trunc(wanted)) : 1;
}

/**
 * The page shown for a request of page `wanted` among `total` rows: past the end, the last
 * page (a stale link after rows were removed still shows something), and page 1 of nothing.
 */
export function pageWindow(total: number, wanted: number, size: number, shown?: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(requestedPage(wanted), pages);
  const from = (page - 1) * size;
  const to = Math.min(total, from + (shown ?? size));
  return { page, pages, total, from: total === 0 ? 0 : from + 1, to };
}

export function pageOf<T>(rows: readonly T[], param: string | string[] | undefined, size = ROWS_PER_PAGE): Paged<T> {
  const window = pageWindow(rows.length, requestedPage(param), size);
  return { rows: rows.slice(Math.max(0, window.from - 1), window.to), ...window };
}
