import path from "node:path";
import type { CurrentUser } from "../../../lib/auth/session";
import type { ActionResult } from "../../../lib/errors";

/**
 * The auto-coding actions called as a given user: only the session is replaced (each test file
 * mocks lib/auth/session with mockSession), every call goes through projectAction's
 * checks, the real handlers and PostgreSQL.
 */
export const session = { user: null as CurrentUser | null };

type User = { id: string; email: string; name: string };
const root = path.resolve(import.meta.dirname, "../../..");

export async function call<T = unknown>(user: User, name: string, input: unknown): Promise<ActionResult<T>> {
  session.user = { id: user.id, email: user.email, name: user.name };
  const mod = (await import(path.join(root, "lib/autocode/actions.ts"))) as Record<string, (input: unknown) => Promise<ActionResult<T>>>;
  return mod[name](input);
}

export function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** For `vi.mock("../../../lib/auth/session", mockSession)` (and next/cache, which actions touch). */
export async function mockSession() {
  const { session } = await import("./helpers");
  return { getCurrentUser: async () => session.user, requireUser: async () => session.user, getCurrentSession: async () => session.user && { sessionId: "s", user: session.user, mustChangePassword: false } };
}
