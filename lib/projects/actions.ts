"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { inviteMember } from "./mutations";
import { inviteMemberSchema } from "./schema";

export const inviteMemberAction = projectAction(inviteMemberSchema, "owner", async (ctx, input) => {
  const result = await inviteMember(ctx, input);
  revalidatePath(`/projects/${ctx.projectId}`);
  return result;
});
