"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { runSignedIn } from "../auth/project-access";
import { getCurrentUser } from "../auth/session";
import { changeMemberRole, removeMember } from "./members";
import { createProject, inviteMember } from "./mutations";
import { changeMemberRoleSchema, createProjectSchema, inviteMemberSchema, removeMemberSchema, updateProjectSchema } from "./schema";
import { updateProjectDetails } from "./settings";

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

export const changeMemberRoleAction = projectAction(changeMemberRoleSchema, "owner", async (ctx, input) => {
  const result = await changeMemberRole(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`);
  return result;
});

export const removeMemberAction = projectAction(removeMemberSchema, "owner", async (ctx, input) => {
  const result = await removeMember(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`);
  return result;
});

export const updateProjectAction = projectAction(updateProjectSchema, "owner", async (ctx, input) => {
  const result = await updateProjectDetails(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`);
  revalidatePath("/projects");
  return result;
});
