"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { decide, undoDecision } from "./adjudication";
import { assignDocuments, markDone, setDocumentsBlind, setProjectBlind, unassignDocument } from "./mutations";
import { assignDocumentsSchema, decideSchema, markDoneSchema, setDocumentsBlindSchema, setProjectBlindSchema, unassignSchema, undoDecisionSchema } from "./schema";

// Every rigour page reads these rows: refresh the whole area after a change.
const refresh = <T>(result: T, projectId: string): T => {
  revalidatePath(`/projects/${projectId}/rigour`, "layout");
  return result;
};

// Owners decide who codes what and when analysts see each other's work; the person assigned
// marks their own document done; adjudication is for those who code (blind rules in adjudication.ts).
export const assignDocumentsAction = projectAction(assignDocumentsSchema, "owner", async (ctx, input) => refresh(await assignDocuments(ctx, input), ctx.projectId));
export const unassignDocumentAction = projectAction(unassignSchema, "owner", async (ctx, input) => refresh(await unassignDocument(ctx, input), ctx.projectId));
export const markDoneAction = projectAction(markDoneSchema, "analyst", async (ctx, input) => refresh(await markDone(ctx, input), ctx.projectId));
export const setProjectBlindAction = projectAction(setProjectBlindSchema, "owner", async (ctx, input) => {
  const result = await setProjectBlind(ctx, input);
  // The coding workspace and the project home show codings too.
  revalidatePath(`/projects/${ctx.projectId}`, "layout");
  return result;
});
export const setDocumentsBlindAction = projectAction(setDocumentsBlindSchema, "owner", async (ctx, input) => {
  const result = await setDocumentsBlind(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`, "layout");
  return result;
});
export const decideAction = projectAction(decideSchema, "analyst", async (ctx, input) => {
  const { decision, consensus } = await decide(ctx, input);
  return refresh({ decisionId: decision.id, consensus: consensus.length }, ctx.projectId);
});
export const undoDecisionAction = projectAction(undoDecisionSchema, "analyst", async (ctx, input) => refresh(await undoDecision(ctx, input), ctx.projectId));
