import { NextResponse } from "next/server";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { toActionError } from "../errors";
import { httpStatus } from "../http-status";

/**
 * The frame every reading route handler shares: 401 for the signed-out, then the handler,
 * whose errors (lib/errors.ts) become a JSON answer with their HTTP status. Membership and
 * role are the handler's to check (authorizeProject), since each route names its project
 * its own way.
 */
export async function signedInRoute(run: (user: CurrentUser) => Promise<Response>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  try {
    return await run(user);
  } catch (error) {
    const e = toActionError(error);
    if (e.code === "INTERNAL") console.error(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
