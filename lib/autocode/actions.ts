"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { applyAutocode, previewAutocode, undoAutocode } from "./mutations";
import { byPatternSchema, bySpeakerSchema, undoBatchSchema, type ByPatternInput, type BySpeakerInput } from "./schema";
import { patternSpans, speakerSpans } from "./sources";
import type { ProjectContext } from "../auth/project-access";

// Auto-coding codes as the caller, so it takes what applying a code by hand takes: an analyst.
// Spans are always computed here, on the server, from the source's description.

async function bySpeaker(ctx: ProjectContext, input: BySpeakerInput) {
  const { spans, source } = await speakerSpans(ctx, input);
  return { codeId: input.codeId, extent: "turn" as const, spans, source };
}

async function byPattern(ctx: ProjectContext, input: ByPatternInput) {
  const { spans, source } = await patternSpans(ctx, input);
  return { codeId: input.codeId, extent: "hit" as const, spans, source };
}

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}/autocode`);

export const previewBySpeakerAction = projectAction(bySpeakerSchema, "analyst", async (ctx, input) => previewAutocode(ctx, await bySpeaker(ctx, input)));
export const applyBySpeakerAction = projectAction(bySpeakerSchema, "analyst", async (ctx, input) => {
  const result = await applyAutocode(ctx, await bySpeaker(ctx, input));
  refresh(ctx.projectId);
  return result;
});
export const previewByPatternAction = projectAction(byPatternSchema, "analyst", async (ctx, input) => previewAutocode(ctx, await byPattern(ctx, input)));
export const applyByPatternAction = projectAction(byPatternSchema, "analyst", async (ctx, input) => {
  const result = await applyAutocode(ctx, await byPattern(ctx, input));
  refresh(ctx.projectId);
  return result;
});
export const undoAutocodeBatchAction = projectAction(undoBatchSchema, "analyst", async (ctx, input) => {
  const result = await undoAutocode(ctx, input);
  refresh(ctx.projectId);
  return result;
});
