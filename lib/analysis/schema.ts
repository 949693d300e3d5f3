import { z } from "zod";
import { caseFilterSchema } from "./case-filter";
import { coderSelectionSchema, DEFAULT_CODER_SELECTION } from "./coder-selection";

/** The inputs of the analysis reads, as pages parse them from the URL or a request body. */

const id = z.string().trim().min(1).max(64);

export const themeSummariesQuerySchema = z.object({
  selection: coderSelectionSchema.default(DEFAULT_CODER_SELECTION),
  /** A numeric case attribute to weight interview coverage by (e.g. projects represented). */
  weightAttributeId: id.nullable().default(null),
});

export const crosstabQuerySchema = z.object({
  selection: coderSelectionSchema.default(DEFAULT_CODER_SELECTION),
  /** A category (or yes/no) case attribute. */
  attributeId: id,
});

/**
 * A number on a page the reader can click, to see the passages behind it:
 * - code:     the passages of a code and its sub-codes (a theme summary row, a per-analyst count
 *             under that analyst's selection, a finding's interview share with its case filter);
 * - category: the same, in documents of cases with one category of an attribute (null: no value);
 * - pair:     two codes as coded; "passages": each overlap of a passage of one with a passage of
 *             the other (the part both cover), "interviews": all their passages in documents
 *             where both occur.
 */
export const quoteCellSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("code"), codeId: id, filter: caseFilterSchema.optional() }),
  z.strictObject({ kind: z.literal("category"), codeId: id, attributeId: id, category: z.string().max(500).nullable() }),
  z.strictObject({ kind: z.literal("pair"), codeIds: z.tuple([id, id]), scope: z.enum(["passages", "interviews"]) }),
]);

export type QuoteCell = z.infer<typeof quoteCellSchema>;
export type ThemeSummariesQuery = z.input<typeof themeSummariesQuerySchema>;
export type CrosstabQuery = z.input<typeof crosstabQuerySchema>;

/** GET /api/projects/<id>/co-occurrence?coders=<selection>: the full co-occurrence list as CSV. */
export const coOccurrenceExportSchema = z.object({
  projectId: id,
  /** A coder selection as the pages write it in the URL (coder-selection.ts coderSelectionToParam). */
  coders: z.string().max(300).optional(),
});
