import { z } from "zod";

export const projectId = z.string().trim().min(1).max(64);

// No name and no password: an invitation names an address, and accounts are not made from
// here (an owner who set a password could try it and learn whether the account was new).
export const inviteMemberSchema = z.object({
  projectId,
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(320),
  role: z.enum(["owner", "analyst", "viewer"]),
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

import { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX } from "./limits";

export { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX };

// A new project starts with an empty codebook or with a copy of the codebook of another
// project the caller is a member of (checked in the mutation, NOT_FOUND otherwise).
export const createProjectSchema = z.object({
  name: z.string().trim().min(1, "Give the project a name.").max(PROJECT_NAME_MAX, `A project name has at most ${PROJECT_NAME_MAX} characters.`),
  description: z.string().trim().max(PROJECT_DESCRIPTION_MAX, `A description has at most ${PROJECT_DESCRIPTION_MAX.toLocaleString("en")} characters.`).default(""),
  codebookFrom: projectId.nullish(),
});

export type CreateProjectInput = z.infer<typeof createProjectSchema>;

const memberRole = z.enum(["owner", "analyst", "viewer"]);
const userId = z.string().trim().min(1).max(64);

export const changeMemberRoleSchema = z.object({ projectId, userId, role: memberRole });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ projectId, userId });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

const projectName = z.string().trim().min(1, "Give the project a name.").max(PROJECT_NAME_MAX, `A project name has at most ${PROJECT_NAME_MAX} characters.`);

export const updateProjectSchema = z.object({
  projectId,
  name: projectName,
  description: z.string().trim().max(PROJECT_DESCRIPTION_MAX, `A description has at most ${PROJECT_DESCRIPTION_MAX.toLocaleString("en")} characters.`),
});
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const archiveProjectSchema = z.object({ projectId, archived: z.boolean() });
export type ArchiveProjectInput = z.infer<typeof archiveProjectSchema>;

export const deleteProjectSchema = z.object({ projectId, confirmName: z.string().max(PROJECT_NAME_MAX + 100) });
export type DeleteProjectInput = z.infer<typeof deleteProjectSchema>;

export const restoreProjectSchema = z.object({ projectId });
export type RestoreProjectInput = z.infer<typeof restoreProjectSchema>;

// Copying the codebook of `projectId` (where the caller works) into `targetProjectId` (which they own).
export const copyCodebookSchema = z
  .object({ projectId, targetProjectId: projectId })
  .refine((v) => v.projectId !== v.targetProjectId, { message: "Choose another project: this is the codebook's own.", path: ["targetProjectId"] });
export type CopyCodebookInput = z.infer<typeof copyCodebookSchema>;
