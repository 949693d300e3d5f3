import { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";

type Tx = Prisma.TransactionClient;

/**
 * Row locks on codes, so codebook changes and coding serialize on the codes they share.
 *
 * Without them, an analyst's apply could read code S as live, an owner's merge of S into T
 * could move S's codings and delete S, and the apply could then insert its coding on S and
 * be confirmed: a coding stranded on a deleted code, invisible everywhere. Now writers that
 * use a code (apply, re-code, a move under a parent) take FOR SHARE, and writers that retire
 * or restructure it (merge, delete, move, restore) take FOR UPDATE; both re-read the row
 * after the wait (READ COMMITTED re-checks a locked row's latest version), so whichever comes
 * second sees the first one's outcome. Locks are taken in id order, so two writers locking
 * the same codes cannot deadlock.
 */
export type LockStrength = "share" | "update";

type LockedCode = { id: string; name: string; deletedAt: Date | null; parentId: string | null };

export async function lockCodes(tx: Tx, projectId: string, codeIds: readonly string[], strength: LockStrength): Promise<LockedCode[]> {
  const ids = [...new Set(codeIds)].sort();
  if (ids.length === 0) return [];
  const mode = strength === "update" ? Prisma.sql`FOR UPDATE` : Prisma.sql`FOR SHARE`;
  return tx.$queryRaw<LockedCode[]>`
    SELECT id, name, "deletedAt", "parentId" FROM "Code"
    WHERE "projectId" = ${projectId} AND id = ANY(${ids}::text[])
    ORDER BY id ${mode}`;
}

/**
 * Locks codes a coding is about to use (FOR SHARE) and refuses any that are missing or were
 * deleted or merged away, naming what became of them so the analyst knows what to pick.
 */
export async function lockUsableCodes(tx: Tx, projectId: string, codeIds: readonly string[]): Promise<void> {
  const codes = await lockCodes(tx, projectId, codeIds, "share");
  if (codes.length !== new Set(codeIds).size) throw notFound("A code");
  const retired = codes.find((code) => code.deletedAt);
  if (!retired) return;
  const merge = await tx.auditEvent.findFirst({
    where: { projectId, entity: "Code", entityId: retired.id, action: "code.merge" },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  const targetId = (merge?.after as { mergedInto?: unknown } | null)?.mergedInto;
  const target = typeof targetId === "string" ? await tx.code.findFirst({ where: { id: targetId, projectId, deletedAt: null }, select: { name: true } }) : null;
  // VALIDATION, as for any code that cannot be used: the choice must change, not be retried.
  throw new AppError(
    "VALIDATION",
    target
      ? `The code "${retired.name}" was just merged into "${target.name}", so nothing was saved. Apply "${target.name}" instead.`
      : `The code "${retired.name}" was deleted, so nothing was saved. Choose another code.`,
  );
}

/** Locks live codes to change them (FOR UPDATE): NOT_FOUND for a missing or deleted one. */
export async function lockLiveCodes(tx: Tx, projectId: string, codeIds: readonly string[]): Promise<Map<string, LockedCode>> {
  const codes = await lockCodes(tx, projectId, codeIds, "update");
  const live = new Map(codes.filter((c) => !c.deletedAt).map((c) => [c.id, c]));
  for (const id of codeIds) if (!live.has(id)) throw notFound("That code");
  return live;
}
