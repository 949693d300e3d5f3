import type { SpanWithId } from "./types";

/**
 * The one order in which codings are listed, stacked and given lanes: by start, longer
 * first (an enclosing coding before the ones nested in it, as MAXQDA draws its margin),
 * then by id. It depends only on the codings, never on the order the database returned
 * them in, so the same document always renders the same way.
 */
export function compareCodings(a: SpanWithId, b: SpanWithId): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Throws on a repeated id: segments and lanes are keyed by id, so a duplicate is a bug upstream. */
export function assertUniqueIds(codings: readonly SpanWithId[]): void {
  const seen = new Set<string>();
  for (const { id } of codings) {
    if (seen.has(id)) throw new RangeError(`coding id ${id} appears twice`);
    seen.add(id);
  }
}
