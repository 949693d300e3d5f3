"use server";

import { projectAction } from "../auth/project-action";
import { createFinding, deleteFinding, pinEvidence, reorderFindings, unpinEvidence, updateFinding } from "./mutations";
import { FINDINGS_EDITOR } from "./permissions";
import { createFindingSchema, deleteFindingSchema, evidenceSchema, reorderFindingsSchema, updateFindingSchema } from "./schema";

// No revalidatePath: the report page re-reads on navigation and figures are computed on every read.
export const createFindingAction = projectAction(createFindingSchema, FINDINGS_EDITOR, createFinding);
export const updateFindingAction = projectAction(updateFindingSchema, FINDINGS_EDITOR, updateFinding);
export const deleteFindingAction = projectAction(deleteFindingSchema, FINDINGS_EDITOR, deleteFinding);
export const reorderFindingsAction = projectAction(reorderFindingsSchema, FINDINGS_EDITOR, reorderFindings);
export const pinEvidenceAction = projectAction(evidenceSchema, FINDINGS_EDITOR, pinEvidence);
export const unpinEvidenceAction = projectAction(evidenceSchema, FINDINGS_EDITOR, unpinEvidence);
