"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { getCodingHistory } from "./data";
import { restoreFromHistory } from "./restore";
import { codingHistorySchema, restoreFromHistorySchema } from "./schema";

/** Restores a deleted coding, code or memo from its deletion (lib/history/restore.ts decides who may). */
export const restoreFromHistoryAction = projectAction(restoreFromHistorySchema, "analyst", async (ctx, input) => {
  const result = await restoreFromHistory(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}/history`);
  return result;
});

/** One coding's history for the workspace's coding details; blind coding applies as everywhere. */
export const codingHistoryAction = projectAction(codingHistorySchema, "viewer", (ctx, input) => getCodingHistory(ctx.projectId, { id: ctx.user.id, role: ctx.role }, input.codingId));
