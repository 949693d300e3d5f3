"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { runSignedIn } from "../auth/project-access";
import { getCurrentUser } from "../auth/session";
import { createProject, inviteMember } from "./mutations";
import { createProjectSchema, inviteMemberSchema } from "./schema";

export const inviteMemberAction = projectAction(inviteMemberSchema, "owner", async (ctx, input) => {
  const result = await inviteMember(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`);
  return result;
});

// No project exists yet, so the only check before the mutation's own is being signed in.
export async function createProjectAction(rawInput: unknown) {
  const result = await runSignedIn(await getCurrentUser(), createProjectSchema, createProject, rawInput);
  if (result.ok) revalidatePath("/projects");
  return result;
}
