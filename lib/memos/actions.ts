"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { createMemo, deleteMemo, updateMemo } from "./mutations";
import { createMemoSchema, deleteMemoSchema, updateMemoSchema } from "./schema";

// A memo shows on the memos page and on the page of what it is about; refreshing the
// project's layout covers both without knowing which page that is.
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const createMemoAction = projectAction(createMemoSchema, "analyst", async (ctx, input) => {
  const memo = await createMemo(ctx, input);
  refresh(ctx.projectId);
  return memo;
});

export const updateMemoAction = projectAction(updateMemoSchema, "analyst", async (ctx, input) => {
  const memo = await updateMemo(ctx, input);
  refresh(ctx.projectId);
  return memo;
});

export const deleteMemoAction = projectAction(deleteMemoSchema, "analyst", async (ctx, input) => {
  const result = await deleteMemo(ctx, input);
  refresh(ctx.projectId);
  return result;
});
