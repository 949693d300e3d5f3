/**
 * Long tables are shown a page at a time, so that no page's HTML grows without bound with the
 * codebook (10,000 codes made a summaries page of hundreds of megabytes): the page number is
 * a URL parameter (?page=2), out-of-range or malformed values fall back to the nearest page.
 */
export const ROWS_PER_PAGE = 200;

export type Paged<T> = { rows: T[]; page: number; pages: number; total: number; from: number; to: number };

export function pageOf<T>(rows: readonly T[], param: string | string[] | undefined, size = ROWS_PER_PAGE): Paged<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const wanted = Number.parseInt(Array.isArray(param) ? (param[0] ?? "") : (param ?? ""), 10);
  const page = Number.isFinite(wanted) ? Math.min(Math.max(1, wanted), pages) : 1;
  const from = (page - 1) * size;
  const slice = rows.slice(from, from + size);
  return { rows: slice, page, pages, total: rows.length, from: rows.length === 0 ? 0 : from + 1, to: from + slice.length };
}
