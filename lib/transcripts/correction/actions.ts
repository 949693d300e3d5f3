"use server";

import { projectAction } from "../../auth/project-action";
import { correctTurn, previewTurnCorrection, setCorrectionRole } from "./mutations";
import { replaceDetachedCoding, resolveCorrection } from "./review";
import { correctionRoleSchema, correctTurnSchema, replaceCodingSchema, resolveCorrectionSchema } from "./schema";

// "analyst" is the floor; the project's correctionRole may raise it to owners (checked in the mutation).
export const previewCorrectionAction = projectAction(correctTurnSchema, "analyst", previewTurnCorrection);
export const correctTurnAction = projectAction(correctTurnSchema, "analyst", correctTurn);
export const resolveCorrectionAction = projectAction(resolveCorrectionSchema, "analyst", resolveCorrection);
export const replaceCodingAction = projectAction(replaceCodingSchema, "analyst", replaceDetachedCoding);
export const setCorrectionRoleAction = projectAction(correctionRoleSchema, "owner", setCorrectionRole);
