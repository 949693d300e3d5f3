"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { runSignedIn } from "../auth/project-access";
import { getCurrentUser } from "../auth/session";
import { changeMemberRole, removeMember } from "./members";
import { copyCodebookToProject } from "./codebook-copy";
import { deleteProject, restoreDeletedProject, setProjectArchived } from "./lifecycle";
import { createProject, inviteMember } from "./mutations";
import {
  archiveProjectSchema, changeMemberRoleSchema, copyCodebookSchema, createProjectSchema, deleteProjectSchema, inviteMemberSchema,
  removeMemberSchema, restoreProjectSchema, updateProjectSchema,
} from "./schema";
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

// Archiving and deleting are the owner's controls that still work on an archived project.
export const archiveProjectAction = projectAction(archiveProjectSchema, "owner", async (ctx, input) => {
  const result = await setProjectArchived(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`);
  revalidatePath("/projects");
  return result;
}, { whileArchived: true });

export const deleteProjectAction = projectAction(deleteProjectSchema, "owner", async (ctx, input) => {
  const result = await deleteProject(ctx, input);
  revalidatePath("/projects");
  return result;
}, { whileArchived: true });

// A deleted project is invisible to authorizeProject; restoring checks ownership itself.
export async function restoreProjectAction(rawInput: unknown) {
  const result = await runSignedIn(await getCurrentUser(), restoreProjectSchema, restoreDeletedProject, rawInput);
  if (result.ok) revalidatePath("/projects");
  return result;
}

// Reading the source is all that happens there, so an archived project's codebook can be copied.
export const copyCodebookAction = projectAction(copyCodebookSchema, "viewer", async (ctx, input) => {
  const result = await copyCodebookToProject(ctx, input);
  revalidatePath(`/projects/${result.targetProjectId}`);
  return result;
}, { whileArchived: true });
