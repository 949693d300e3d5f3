import { z } from "zod";
import { MEMO_BODY_MAX, MEMO_TITLE_MAX } from "./limits";

const id = z.string().trim().min(1).max(64);

/**
 * Where a new memo hangs. Memos on codings are written in the coding workspace (a coding's own
 * memo, lib/codings) or arrive with a REFI-QDA import; the memo forms write the other four.
 */
export const memoTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("journal") }),
  z.object({ kind: z.literal("document"), id }),
  z.object({ kind: z.literal("code"), id }),
  z.object({ kind: z.literal("case"), id }),
]);
export type MemoTarget = z.infer<typeof memoTargetSchema>;

const title = z.string().trim().max(MEMO_TITLE_MAX, `A memo's title has at most ${MEMO_TITLE_MAX} characters.`);
const body = z
  .string()
  .max(MEMO_BODY_MAX, `A memo has at most ${MEMO_BODY_MAX.toLocaleString("en")} characters.`)
  .refine((v) => v.trim() !== "", "Write something in the memo.");

export const createMemoSchema = z.object({ projectId: id, target: memoTargetSchema, title: title.default(""), body });
export type CreateMemoInput = z.infer<typeof createMemoSchema>;

// updatedAt is the memo as the editor last saw it: an edit of an older state is refused as stale.
export const updateMemoSchema = z.object({ projectId: id, memoId: id, title: title.default(""), body, updatedAt: z.iso.datetime() });
export type UpdateMemoInput = z.infer<typeof updateMemoSchema>;

export const deleteMemoSchema = z.object({ projectId: id, memoId: id });
export type DeleteMemoInput = z.infer<typeof deleteMemoSchema>;
