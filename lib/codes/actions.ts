"use server";

import { projectAction } from "../auth/project-action";
import { notFound } from "../errors";
import { getCodeCodings } from "./data";
import { getCodebookHistory } from "./history";
import { createCode, deleteCode, mergeCodes, moveCode, restoreCode, shiftCode, updateCode } from "./mutations";
import {
  codeCodingsSchema,
  codeHistorySchema,
  createCodeSchema,
  deleteCodeSchema,
  mergeCodesSchema,
  moveCodeSchema,
  restoreCodeSchema,
  shiftCodeSchema,
  splitCodeSchema,
  updateCodeSchema,
} from "./schema";
import { splitCode } from "./split";

// Analysts may add codes while they code (open coding, from the picker); shaping the
// codebook (rename, recolour, move, merge, split, delete) is for owners.
export const createCodeAction = projectAction(createCodeSchema, "analyst", createCode);
export const updateCodeAction = projectAction(updateCodeSchema, "owner", updateCode);
export const moveCodeAction = projectAction(moveCodeSchema, "owner", moveCode);
export const shiftCodeAction = projectAction(shiftCodeSchema, "owner", shiftCode);
export const mergeCodesAction = projectAction(mergeCodesSchema, "owner", mergeCodes);
export const splitCodeAction = projectAction(splitCodeSchema, "owner", splitCode);
export const deleteCodeAction = projectAction(deleteCodeSchema, "owner", deleteCode);
export const restoreCodeAction = projectAction(restoreCodeSchema, "owner", restoreCode);

/** The codings a split may move (owners; blind coding still applies: getCodeCodings). */
export const codeCodingsAction = projectAction(codeCodingsSchema, "owner", async (ctx, input) => {
  const found = await getCodeCodings(ctx.projectId, input.codeId, { id: ctx.user.id, role: ctx.role }, input.page);
  if (!found) throw notFound("That code");
  return found;
});

/** The codebook's history (the audit log names no codings' content), for every member. */
export const codeHistoryAction = projectAction(codeHistorySchema, "viewer", (ctx, input) => getCodebookHistory(ctx.projectId, { codeId: input.codeId, page: input.page, counts: ctx.role === "owner" }));
