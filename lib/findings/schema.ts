import { z } from "zod";
import { findingFigureSchema } from "./figure";

/** The inputs of the findings actions. A malformed figure is refused here, before anything is read. */

const id = z.string().trim().min(1).max(64);
const statement = z.string().trim().min(1, "Write the finding's statement.").max(5_000, "A statement is limited to 5,000 characters.");
/** A share as a fraction (0.88 for 88%); ratios of attributes may exceed 1. */
const statedValue = z.number().finite().min(0, "A stated figure cannot be negative.").max(1_000_000);
const statedText = z.string().trim().max(2_000, "The stated text is limited to 2,000 characters.");
const version = z.number().int().min(1);

export const createFindingSchema = z.object({
  projectId: id,
  statement,
  figure: findingFigureSchema.nullable().default(null),
  statedValue: statedValue.nullable().default(null),
  statedText: statedText.default(""),
});

export const updateFindingSchema = z
  .object({
    projectId: id,
    findingId: id,
    /** The version the editor loaded; an older one means someone changed the finding since. */
    version,
    statement: statement.optional(),
    /** null removes the figure. */
    figure: findingFigureSchema.nullable().optional(),
    statedValue: statedValue.nullable().optional(),
    statedText: statedText.optional(),
  })
  .refine((v) => v.statement !== undefined || v.figure !== undefined || v.statedValue !== undefined || v.statedText !== undefined, {
    message: "Nothing to change.",
  });

export const deleteFindingSchema = z.object({ projectId: id, findingId: id, version });

/** The project's findings in their new order: all of them, each once. */
export const reorderFindingsSchema = z.object({
  projectId: id,
  findingIds: z.array(id).max(1_000).refine((ids) => new Set(ids).size === ids.length, { message: "A finding is listed twice." }),
});

export const evidenceSchema = z.object({ projectId: id, findingId: id, codingId: id });

export type CreateFindingInput = z.infer<typeof createFindingSchema>;
export type UpdateFindingInput = z.infer<typeof updateFindingSchema>;
export type DeleteFindingInput = z.infer<typeof deleteFindingSchema>;
export type ReorderFindingsInput = z.infer<typeof reorderFindingsSchema>;
export type EvidenceInput = z.infer<typeof evidenceSchema>;
