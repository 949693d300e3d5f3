import { z } from "zod";
import { REASON_MAX, SPEAKER_MAX, TURN_TEXT_MAX } from "./limits";

const id = z.string().trim().min(1).max(64);
const offset = z.number().int("Offsets are whole numbers.").min(0, "Offsets cannot be negative.");

/** A correction of one speaker turn: its spoken text, its speaker, or both. */
export const correctTurnSchema = z.object({
  projectId: id,
  documentId: id,
  /** The document version the editor loaded; an older one means someone corrected it since. */
  version: z.number().int().min(1),
  /** The turn's index in the document (0 = first), as the workspace numbers them. */
  turnIndex: z.number().int().min(0),
  text: z.string().min(1, "A turn cannot be empty; delete words, not the whole turn.").max(TURN_TEXT_MAX, "A turn is limited to 100,000 characters."),
  speaker: z.string().trim().min(1, "Name the speaker.").max(SPEAKER_MAX, "A speaker's name is limited to 120 characters."),
  reason: z.string().trim().max(REASON_MAX, "Keep the reason under 500 characters.").optional(),
});

export const resolveCorrectionSchema = z.object({
  projectId: id,
  correctionId: id,
  /** accept: the new quote is right (edited) / keep it off the document (detached); delete: the coding goes. */
  action: z.enum(["accept", "delete"]),
});

/** Puts a detached coding back, on a passage of the current text (code points). */
export const replaceCodingSchema = z
  .object({ projectId: id, correctionId: id, start: offset, end: offset })
  .refine((v) => v.start < v.end, { message: "The passage must start before it ends.", path: ["end"] });

export const correctionRoleSchema = z.object({ projectId: id, role: z.enum(["owner", "analyst"]) });

export type CorrectTurnInput = z.infer<typeof correctTurnSchema>;
export type ResolveCorrectionInput = z.infer<typeof resolveCorrectionSchema>;
export type ReplaceCodingInput = z.infer<typeof replaceCodingSchema>;
export type CorrectionRoleInput = z.infer<typeof correctionRoleSchema>;
