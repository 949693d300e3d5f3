"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { readScope } from "../rigour/blind";
import { setSearchLanguage } from "./mutations";
import { applySearchAutocode, previewSearchAutocode } from "./autocode";
import { deleteSavedSearch, saveSearch } from "./saved";
import { deleteSavedSearchSchema, saveSearchSchema, searchAutocodeSchema, setSearchLanguageSchema } from "./schema";

export const setSearchLanguageAction = projectAction(setSearchLanguageSchema, "owner", async (ctx, input) => {
  const result = await setSearchLanguage(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}/search`);
  return result;
});

export const saveSearchAction = projectAction(saveSearchSchema, "analyst", async (ctx, input) => {
  const result = await saveSearch(ctx, input, await readScope(ctx.projectId, { id: ctx.user.id, role: ctx.role }));
  revalidatePath(`/projects/${ctx.projectId}/search`);
  return result;
});

export const deleteSavedSearchAction = projectAction(deleteSavedSearchSchema, "analyst", async (ctx, input) => {
  const result = await deleteSavedSearch(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}/search`);
  return result;
});

// Auto-coding codes as the caller, so it takes what coding by hand takes: an analyst.
export const previewSearchAutocodeAction = projectAction(searchAutocodeSchema, "analyst", previewSearchAutocode);

export const applySearchAutocodeAction = projectAction(searchAutocodeSchema, "analyst", async (ctx, input) => {
  const result = await applySearchAutocode(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}/search`);
  return result;
});
