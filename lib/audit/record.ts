import type { Prisma } from "../db/generated/client";
import { notifyInTransaction } from "../live/channel";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  projectId: string | null;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Records one change inside the caller's transaction, so the log and the change agree. The
 * log is also the live change feed: the project's channel is notified with the event's id,
 * delivered by PostgreSQL on commit (lib/live), and a reader who missed it catches up by id.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const event = await tx.auditEvent.create({
    select: { id: true },
    data: {
      projectId: entry.projectId,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
  if (entry.projectId) await notifyInTransaction(tx, entry.projectId, { k: "audit", id: event.id.toString() });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and BigInts become strings; the log keeps what the row looked like.
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}
