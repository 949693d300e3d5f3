"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { setSearchLanguage } from "./mutations";
import { setSearchLanguageSchema } from "./schema";

export const setSearchLanguageAction = projectAction(setSearchLanguageSchema, "owner", async (ctx, input) => {
  const result = await setSearchLanguage(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}/search`);
  return result;
});
