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
