/**
 * The analysis queries' results, remembered per database snapshot, so a page viewed again
 * while nothing has changed is not computed again.
 *
 * Why this is always right. A PostgreSQL snapshot (pg_current_snapshot(): xmin, xmax and the
 * transactions still running) decides exactly which rows a query sees: every transaction
 * below xmax and not running has finished for good, and a transaction that writes gets an
 * id when it does, so any commit since — of a coding, a code, a case value, an adjudication,
 * anything, from this process or another — changes either xmax or the running list. Two
 * equal snapshots therefore see the same data, and a result computed in one is the result
 * in the other. A miss costs one extra round trip; a stale hit cannot happen. Each result is
 * computed in a REPEATABLE READ transaction that also reads its snapshot, so the key is the
 * snapshot the result was really computed in.
 *
 * The cost of that simplicity: the key is database-wide, so any write anywhere (another
 * project, a sign-in that records a throttle row) makes every entry unreachable. Entries are
 * few and small (figures per code, not passages) and the oldest go first past MAX_ENTRIES.
 * GROUNDED_ANALYSIS_CACHE=off turns it off (benchmarks of the cold path, debugging).
 */

type Entry = { snapshot: string; rows: unknown[] };

const MAX_ENTRIES = 200;
const entries = new Map<string, Entry>();
const counts = { hits: 0, misses: 0 };

export const snapshotCacheEnabled = () => process.env.GROUNDED_ANALYSIS_CACHE !== "off";

/**
 * The rows cached for `key` under exactly this snapshot. They are shared by every reader and
 * frozen (a change throws rather than corrupting the next reader's view): copying them on
 * every hit was most of a warm summaries page's time at 1,000 codes.
 */
export function cachedRows<T>(key: string, snapshot: string): T[] | null {
  const entry = entries.get(key);
  if (!entry || entry.snapshot !== snapshot) {
    counts.misses++;
    return null;
  }
  counts.hits++;
  // Most recently used last, so the oldest is evicted first.
  entries.delete(key);
  entries.set(key, entry);
  return entry.rows as T[];
}

/** Keeps a frozen copy of the rows and returns it, so that the first reader sees what the next ones will. */
export function rememberRows<T>(key: string, snapshot: string, rows: readonly T[]): T[] {
  const kept = deepFreeze(structuredClone(rows)) as T[];
  entries.delete(key);
  entries.set(key, { snapshot, rows: kept });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return kept;
}

/** Hits and misses since the process started (for tests and diagnostics). */
export function snapshotCacheCounts(): { hits: number; misses: number } {
  return { ...counts };
}

function deepFreeze<T>(value: T): T {
  // Typed arrays (bit sets) cannot be frozen; nothing here changes them.
  if (value !== null && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
