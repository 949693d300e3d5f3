"use server";

import { projectAction } from "../auth/project-action";
import { applyCodes, deleteCoding, updateCoding } from "./mutations";
import { applyCodesSchema, deleteCodingSchema, updateCodingSchema } from "./schema";

// No revalidatePath: the workspace updates itself optimistically and from these results.
export const applyCodesAction = projectAction(applyCodesSchema, "analyst", applyCodes);
export const updateCodingAction = projectAction(updateCodingSchema, "analyst", updateCoding);
export const deleteCodingAction = projectAction(deleteCodingSchema, "analyst", deleteCoding);
