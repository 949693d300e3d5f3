import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password";

export const projectId = z.string().trim().min(1).max(64);

export const inviteMemberSchema = z.object({
  projectId,
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(320),
  name: z.string().trim().min(1, "Enter the person's name.").max(200),
  role: z.enum(["owner", "analyst", "viewer"]),
  initialPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `The initial password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200)
    .optional(),
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
