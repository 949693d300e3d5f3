import { z } from "zod";
import { CODE_NAME_LIMIT, CODE_TEXT_LIMIT } from "./limits";

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().max(max);
/** The longest code name and definition text (description, inclusion, exclusion, example); imports obey them too (lib/interop/refi/plan-limits.ts). */
export const CODE_NAME_MAX = CODE_NAME_LIMIT;
export const CODE_TEXT_MAX = CODE_TEXT_LIMIT;
export const codeColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colours are #rrggbb.").transform((c) => c.toLowerCase());
// One key, pressed in the transcript with a passage selected.
export const codeShortcut = z.string().regex(/^[0-9a-z]$/, "A shortcut is one letter or digit.");

export const createCodeSchema = z.object({
  projectId: id,
  name: z.string().trim().min(1, "Give the code a name.").max(CODE_NAME_MAX),
  parentId: id.nullish(),
  colour: codeColour.optional(),
  description: text(CODE_TEXT_MAX).optional(),
  inclusion: text(CODE_TEXT_MAX).optional(),
  exclusion: text(CODE_TEXT_MAX).optional(),
  example: text(CODE_TEXT_MAX).optional(),
  shortcut: codeShortcut.nullish(),
});

export const updateCodeSchema = z.object({
  projectId: id,
  codeId: id,
  name: z.string().trim().min(1, "Give the code a name.").max(CODE_NAME_MAX).optional(),
  colour: codeColour.optional(),
  description: text(CODE_TEXT_MAX).optional(),
  inclusion: text(CODE_TEXT_MAX).optional(),
  exclusion: text(CODE_TEXT_MAX).optional(),
  example: text(CODE_TEXT_MAX).optional(),
  shortcut: codeShortcut.nullable().optional(),
});

/** Re-parent and/or reorder (drag and drop): the code goes to `position` among its new siblings. */
export const moveCodeSchema = z.object({ projectId: id, codeId: id, parentId: id.nullable(), position: z.number().int().min(0) });

/** The keyboard's moves (lib/codes/move.ts shiftCode). */
export const shiftCodeSchema = z.object({ projectId: id, codeId: id, direction: z.enum(["up", "down", "indent", "outdent"]) });

/** The most codings one split moves; a larger split is done in parts. */
export const SPLIT_MAX_CODINGS = 5000;
/** Split: the chosen codings of `codeId` move to a new code `name`, under `parentId` (default: beside the original). */
export const splitCodeSchema = z.object({
  projectId: id,
  codeId: id,
  codingIds: z.array(id).min(1, "Choose at least one coding to move.").max(SPLIT_MAX_CODINGS),
  name: z.string().trim().min(1, "Give the new code a name.").max(CODE_NAME_MAX),
  parentId: id.nullish(),
});

/** The codings of one code, as a split lists them, a page at a time. */
export const codeCodingsSchema = z.object({ projectId: id, codeId: id, page: z.number().int().min(1).max(100000).default(1) });

/** The codebook's history: the whole project's, or one code's; `page` counts from 1. */
export const codeHistorySchema = z.object({ projectId: id, codeId: id.optional(), page: z.number().int().min(1).max(100000).default(1) });

export const mergeCodesSchema = z
  .object({ projectId: id, sourceId: id, targetId: id })
  .refine((v) => v.sourceId !== v.targetId, { message: "A code cannot be merged into itself.", path: ["targetId"] });

export const deleteCodeSchema = z.object({ projectId: id, codeId: id });
export const restoreCodeSchema = deleteCodeSchema;

export type CreateCodeInput = z.infer<typeof createCodeSchema>;
export type UpdateCodeInput = z.infer<typeof updateCodeSchema>;
export type MoveCodeInput = z.infer<typeof moveCodeSchema>;
export type ShiftCodeInput = z.infer<typeof shiftCodeSchema>;
export type SplitCodeInput = z.infer<typeof splitCodeSchema>;
export type MergeCodesInput = z.infer<typeof mergeCodesSchema>;
export type DeleteCodeInput = z.infer<typeof deleteCodeSchema>;

/** Finding codes by name or path (lib/codes/search.ts) for a chooser: "parents" lists only codes with sub-codes. */
export const CODE_SEARCH_LIMIT = 50;
export const codeSearchSchema = z.object({
  projectId: id,
  q: z.string().max(1000).default(""),
  kind: z.enum(["any", "parents"]).default("any"),
});
export type CodeSearchInput = z.infer<typeof codeSearchSchema>;
