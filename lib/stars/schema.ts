import { z } from "zod";

/**
 * The inputs of the star actions. A passage on a theme page can stand on several codings
 * (merged spans of several analysts), so both actions take a list: the page stars one of
 * them and, to unstar the passage, clears every starred one, in one transaction.
 */

const id = z.string().trim().min(1).max(64);

export const starSchema = z.object({
  projectId: id,
  codingIds: z
    .array(id)
    .min(1, "Choose a passage.")
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { message: "A coding is listed twice." }),
});

export type StarInput = z.infer<typeof starSchema>;
