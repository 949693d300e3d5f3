import { db } from "../db/client";
import { AppError } from "../errors";
import { REGEX_TIMEOUT_MS } from "./limits";

/** A hit as code point offsets [start, end) into Document.text. */
export type Span = { start: number; end: number };

const code = (error: unknown): string | undefined =>
  (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta?.driverAdapterError?.cause?.originalCode ??
  (error as { code?: string })?.code;

/**
 * Every match of a PostgreSQL regular expression (ARE syntax, case-insensitive, as `~*`) in the
 * given documents, at most `cap` of them. The matching runs in PostgreSQL so a pattern means
 * what the documentation of `~*` says; each step asks regexp_instr for the next match after the
 * previous one, so a document is scanned once. A pattern can take exponential time, so the
 * whole read runs under SET LOCAL statement_timeout and a timeout becomes a clear message.
 * Empty matches (a lone `\m`, say) are skipped: there is nothing to highlight.
 */
export async function regexHits(documentIds: string[], pattern: string, cap: number, timeoutMs = REGEX_TIMEOUT_MS): Promise<Map<string, Span[]>> {
  try {
    const rows = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(timeoutMs)}, true)`;
      // Checked on its own first so a typo is reported as a typo.
      await tx.$queryRaw`SELECT '' ~* ${pattern} AS ok`;
      return tx.$queryRaw<{ id: string; s: number; e: number }[]>`
        WITH RECURSIVE hit(id, s, e) AS (
          SELECT d.id, regexp_instr(d.text, ${pattern}, 1, 1, 0, 'i'), regexp_instr(d.text, ${pattern}, 1, 1, 1, 'i')
            FROM "Document" d WHERE d.id = ANY(${documentIds}::text[]) AND d.text ~* ${pattern}
          UNION ALL
          SELECT h.id, regexp_instr(d.text, ${pattern}, GREATEST(h.e, h.s + 1), 1, 0, 'i'),
                 regexp_instr(d.text, ${pattern}, GREATEST(h.e, h.s + 1), 1, 1, 'i')
            FROM hit h JOIN "Document" d ON d.id = h.id
           WHERE h.s > 0 AND GREATEST(h.e, h.s + 1) <= char_length(d.text)
        )
        SELECT id, s::int AS s, e::int AS e FROM hit WHERE s > 0 AND e > s LIMIT ${cap + 1}`;
    });
    const hits = new Map<string, Span[]>();
    for (const row of rows) {
      const list = hits.get(row.id) ?? [];
      list.push({ start: row.s - 1, end: row.e - 1 });
      hits.set(row.id, list);
    }
    for (const list of hits.values()) list.sort((a, b) => a.start - b.start);
    return hits;
  } catch (error) {
    const sqlState = code(error);
    if (sqlState === "57014") {
      throw new AppError("VALIDATION", `That regular expression took longer than ${timeoutMs / 1000} seconds, so the search was stopped. Try a simpler pattern (fewer nested repeats such as (a+)+).`);
    }
    if (sqlState === "2201B") throw new AppError("VALIDATION", "That is not a valid regular expression (PostgreSQL syntax). Check brackets and escapes.");
    throw error;
  }
}
