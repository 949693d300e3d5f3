import { z } from "zod";

/** A live feed request: where the reader is (for presence) and the last event they have. */
export const liveQuerySchema = z.object({
  where: z
    .string()
    .regex(/^(document:[A-Za-z0-9_-]{1,64}|page:[a-z-]{1,40})$/, "Not a place in a project.")
    .optional()
    .transform((v) => v ?? null),
  after: z
    .string()
    .regex(/^\d{1,19}$/, "Not an event id.")
    .optional()
    .transform((v) => (v === undefined ? null : BigInt(v))),
});
