"use server";

import { projectAction } from "../auth/project-action";
import { createCode, deleteCode, mergeCodes, moveCode, restoreCode, updateCode } from "./mutations";
import { createCodeSchema, deleteCodeSchema, mergeCodesSchema, moveCodeSchema, restoreCodeSchema, updateCodeSchema } from "./schema";

// Analysts may add codes while they code (open coding, from the picker); shaping the
// codebook (rename, recolour, move, merge, delete) is for owners.
export const createCodeAction = projectAction(createCodeSchema, "analyst", createCode);
export const updateCodeAction = projectAction(updateCodeSchema, "owner", updateCode);
export const moveCodeAction = projectAction(moveCodeSchema, "owner", moveCode);
export const mergeCodesAction = projectAction(mergeCodesSchema, "owner", mergeCodes);
export const deleteCodeAction = projectAction(deleteCodeSchema, "owner", deleteCode);
export const restoreCodeAction = projectAction(restoreCodeSchema, "owner", restoreCode);
