import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const offset = z.number().int("Offsets are whole numbers.").min(0, "Offsets cannot be negative.");
/** The longest memo on a coding; imports obey it too. */
export const CODING_MEMO_MAX = 20_000;
const memo = z.string().max(CODING_MEMO_MAX, "Memos are limited to 20,000 characters.");

/** Offsets are code points of the document text (lib/transcripts/offsets.ts). */
export const applyCodesSchema = z
  .object({
    projectId: id,
    documentId: id,
    start: offset,
    end: offset,
    codeIds: z.array(id).min(1, "Choose at least one code.").max(50),
    memo: memo.optional(),
    /** The transcript version the offsets were read in (lib/transcripts/correction); an older one is refused. */
    documentVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => v.start < v.end, { message: "The passage must start before it ends.", path: ["end"] });

export const updateCodingSchema = z
  .object({
    projectId: id,
    codingId: id,
    /** The version the editor loaded; an older one means someone changed it since. */
    version: z.number().int().min(1),
    start: offset.optional(),
    end: offset.optional(),
    codeId: id.optional(),
    memo: memo.optional(),
  })
  .refine((v) => v.start !== undefined || v.end !== undefined || v.codeId !== undefined || v.memo !== undefined, {
    message: "Nothing to change.",
  });

export const deleteCodingSchema = z.object({ projectId: id, codingId: id, version: z.number().int().min(1) });

export type ApplyCodesInput = z.infer<typeof applyCodesSchema>;
export type UpdateCodingInput = z.infer<typeof updateCodingSchema>;
export type DeleteCodingInput = z.infer<typeof deleteCodingSchema>;
