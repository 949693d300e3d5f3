import type { Prisma } from "../db/generated/client";

/**
 * One PostgreSQL channel per project: every app instance LISTENs on the channels of the
 * projects its open pages watch, and NOTIFY reaches them all, whichever instance made the
 * change. Notifications carry ids only; receivers re-read rows (and filter them for each
 * reader) themselves.
 */
const PROJECT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The project's channel, or null for an id that cannot name one (no project of ours has such an id). */
export function projectChannel(projectId: string): string | null {
  return PROJECT_ID.test(projectId) ? `grounded_project_${projectId}` : null;
}

/** What travels on a channel: a new audit event (the change feed), or a reader's presence. */
export type LiveNotice =
  | { k: "audit"; id: string }
  | { k: "presence"; user: { id: string; name: string }; where: string; state: "here" | "gone"; connection: string };

/** NOTIFY inside the writer's transaction: PostgreSQL delivers it only if, and when, the change commits. */
export async function notifyInTransaction(tx: Prisma.TransactionClient, projectId: string, notice: LiveNotice): Promise<void> {
  const channel = projectChannel(projectId);
  if (channel) await tx.$executeRaw`SELECT pg_notify(${channel}, ${JSON.stringify(notice)})`;
}

export function parseNotice(payload: string | undefined): LiveNotice | null {
  try {
    const value = JSON.parse(payload ?? "") as LiveNotice;
    return value && (value.k === "audit" || value.k === "presence") ? value : null;
  } catch {
    return null;
  }
}
