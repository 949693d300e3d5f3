"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { readScope } from "../rigour/blind";
import { setSearchLanguage } from "./mutations";
import { deleteSavedSearch, saveSearch } from "./saved";
import { deleteSavedSearchSchema, saveSearchSchema, setSearchLanguageSchema } from "./schema";

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
