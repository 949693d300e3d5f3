import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().max(max);
export const codeColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colours are #rrggbb.").transform((c) => c.toLowerCase());
// One key, pressed in the transcript with a passage selected.
export const codeShortcut = z.string().regex(/^[0-9a-z]$/, "A shortcut is one letter or digit.");

export const createCodeSchema = z.object({
  projectId: id,
  name: z.string().trim().min(1, "Give the code a name.").max(200),
  parentId: id.nullish(),
  colour: codeColour.optional(),
  description: text(5000).optional(),
  shortcut: codeShortcut.nullish(),
});

export const updateCodeSchema = z.object({
  projectId: id,
  codeId: id,
  name: z.string().trim().min(1, "Give the code a name.").max(200).optional(),
  colour: codeColour.optional(),
  description: text(5000).optional(),
  inclusion: text(5000).optional(),
  exclusion: text(5000).optional(),
  example: text(5000).optional(),
  shortcut: codeShortcut.nullable().optional(),
});

/** Re-parent and/or reorder (drag and drop): the code goes to `position` among its new siblings. */
export const moveCodeSchema = z.object({ projectId: id, codeId: id, parentId: id.nullable(), position: z.number().int().min(0) });

export const mergeCodesSchema = z
  .object({ projectId: id, sourceId: id, targetId: id })
  .refine((v) => v.sourceId !== v.targetId, { message: "A code cannot be merged into itself.", path: ["targetId"] });

export const deleteCodeSchema = z.object({ projectId: id, codeId: id });
export const restoreCodeSchema = deleteCodeSchema;

export type CreateCodeInput = z.infer<typeof createCodeSchema>;
export type UpdateCodeInput = z.infer<typeof updateCodeSchema>;
export type MoveCodeInput = z.infer<typeof moveCodeSchema>;
export type MergeCodesInput = z.infer<typeof mergeCodesSchema>;
export type DeleteCodeInput = z.infer<typeof deleteCodeSchema>;
