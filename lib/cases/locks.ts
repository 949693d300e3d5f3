import { Prisma } from "../db/generated/client";
import type { AttributeType } from "../db/generated/enums";
import { notFound } from "../errors";

type Tx = Prisma.TransactionClient;

/**
 * Names are unique per project ignoring case, but the table's unique index is case-sensitive
 * (it predates the rule), so "Ana" and "ana" added at once could both pass a check-then-insert.
 * A transaction-scoped advisory lock per project and kind serializes those writers only; other
 * work on the project (coding, reading) is not held up.
 */
export async function lockNames(tx: Tx, projectId: string, kind: "case" | "attribute"): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${kind}-names:${projectId}`}, 0))::text`;
}

export type LockedAttribute = { id: string; name: string; type: AttributeType; categories: string[] };

/**
 * Locks an attribute of the project: FOR SHARE by a value write, FOR UPDATE by a retype or a
 * delete, so a value checked against "text" is never stored after a retype to number committed
 * (the writer that comes second re-reads the row and sees the first one's outcome).
 */
export async function lockAttribute(tx: Tx, projectId: string, attributeId: string, strength: "share" | "update"): Promise<LockedAttribute> {
  const mode = strength === "update" ? Prisma.sql`FOR UPDATE` : Prisma.sql`FOR SHARE`;
  const [row] = await tx.$queryRaw<LockedAttribute[]>`
    SELECT id, name, type::text AS type, categories FROM "AttributeDefinition"
    WHERE id = ${attributeId} AND "projectId" = ${projectId} ${mode}`;
  if (!row) throw notFound("That attribute");
  return row;
}
