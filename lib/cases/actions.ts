"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import type { ProjectContext } from "../auth/project-access";
import { createAttribute, deleteAttribute, previewRetype, renameAttribute, retypeAttribute, setAttributeDisplayName } from "./attributes";
import { createCase, deleteCase, linkDocument, renameCase, setValue } from "./mutations";
import {
  createAttributeSchema, createCaseSchema, deleteAttributeSchema, deleteCaseSchema, linkDocumentSchema,
  previewRetypeSchema, renameAttributeSchema, renameCaseSchema, retypeAttributeSchema, setAttributeDisplayNameSchema, setValueSchema,
} from "./schema";

// The case sheet is the study's data (what the summaries break down by and findings filter on),
// so shaping it is for owners, as the codebook is; analysts and viewers read it.

/** After a write: every page of the project may show cases or their values (summaries, findings, transcripts). */
function changed<I, T>(write: (ctx: ProjectContext, input: I) => Promise<T>) {
  return async (ctx: ProjectContext, input: I) => {
    const result = await write(ctx, input);
    revalidatePath(`/projects/${ctx.projectId}`, "layout");
    return result;
  };
}

export const createCaseAction = projectAction(createCaseSchema, "owner", changed(createCase));
export const renameCaseAction = projectAction(renameCaseSchema, "owner", changed(renameCase));
export const deleteCaseAction = projectAction(deleteCaseSchema, "owner", changed(deleteCase));
export const setValueAction = projectAction(setValueSchema, "owner", changed(setValue));
export const linkDocumentAction = projectAction(linkDocumentSchema, "owner", changed(linkDocument));
export const createAttributeAction = projectAction(createAttributeSchema, "owner", changed(createAttribute));
export const renameAttributeAction = projectAction(renameAttributeSchema, "owner", changed(renameAttribute));
export const setAttributeDisplayNameAction = projectAction(setAttributeDisplayNameSchema, "owner", changed(setAttributeDisplayName));
export const retypeAttributeAction = projectAction(retypeAttributeSchema, "owner", changed(retypeAttribute));
export const deleteAttributeAction = projectAction(deleteAttributeSchema, "owner", changed(deleteAttribute));
// A read, but of what the owner is about to change: owner-only like the change itself.
export const previewRetypeAction = projectAction(previewRetypeSchema, "owner", previewRetype);
