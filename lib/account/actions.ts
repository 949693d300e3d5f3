"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "../auth/project-action";
import { runSignedIn } from "../auth/project-access";
import { getCurrentSession } from "../auth/session";
import { changePassword, resetMemberPassword, revokeOtherSessions, revokeOwnSession } from "./mutations";
import { changePasswordSchema, resetMemberPasswordSchema, revokeOtherSessionsSchema, revokeSessionSchema } from "./schema";

// The account's own actions take the live session, not getCurrentUser(): someone who must
// replace a temporary password can do exactly that and nothing else.

export async function changePasswordAction(rawInput: unknown) {
  const session = await getCurrentSession();
  return runSignedIn(session?.user ?? null, changePasswordSchema, (_user, input) => changePassword(session!, input), rawInput);
}

export async function revokeSessionAction(rawInput: unknown) {
  const session = await getCurrentSession();
  const result = await runSignedIn(session?.user ?? null, revokeSessionSchema, (user, input) => revokeOwnSession(user.id, input.sessionId), rawInput);
  revalidatePath("/account");
  return result;
}

export async function revokeOtherSessionsAction(rawInput: unknown) {
  const session = await getCurrentSession();
  const result = await runSignedIn(session?.user ?? null, revokeOtherSessionsSchema, () => revokeOtherSessions(session!), rawInput);
  revalidatePath("/account");
  return result;
}

/** A project owner resets a member's password (see resetMemberPassword for who may be reset). */
export const resetMemberPasswordAction = projectAction(resetMemberPasswordSchema, "owner", (ctx, input) => resetMemberPassword(ctx, input));
