import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password";
import { projectId } from "../projects/schema";

const id = z.string().trim().min(1).max(64);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1024, "The new password is too long (at most 1024 characters)."),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export const revokeSessionSchema = z.object({ sessionId: id });
export const revokeOtherSessionsSchema = z.object({}).strict();
export const resetMemberPasswordSchema = z.object({ projectId, userId: id });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ResetMemberPasswordInput = z.infer<typeof resetMemberPasswordSchema>;
