import { z } from "zod";
import { HISTORY_KINDS } from "./kinds";

const id = z.string().trim().min(1).max(100);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written 2026-12-31.").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Not a date.");
/** A place in the log: the event's time and id ("2026-12-07T21:00:00.000Z_1234"), for keyset paging. */
const cursor = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d{1,19}$/);
export const eventId = z.string().regex(/^\d{1,19}$/, "Not a history entry.");

/**
 * The history page's filters, from its URL. A malformed value is dropped rather than refused,
 * so a hand-edited link still shows the history (unfiltered by that value).
 */
export const historyFiltersSchema = z.object({
  person: id.optional().catch(undefined),
  kind: z.enum(HISTORY_KINDS).optional().catch(undefined),
  document: id.optional().catch(undefined),
  code: id.optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  older: cursor.optional().catch(undefined),
  newer: cursor.optional().catch(undefined),
});
export type HistoryFilters = z.infer<typeof historyFiltersSchema>;

export const restoreFromHistorySchema = z.object({ projectId: id, eventId });
export type RestoreFromHistoryInput = z.infer<typeof restoreFromHistorySchema>;

export const codingHistorySchema = z.object({ projectId: id, codingId: id });
export type CodingHistoryInput = z.infer<typeof codingHistorySchema>;
