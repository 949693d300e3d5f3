import type { PrismaClient } from "../../../lib/db/generated/client";

/** A coding the server confirmed to an analyst (ok: true, its id among the returned codings). */
export type Confirmed = { id: string; coderId: string; documentId: string; start: number; end: number; appliedCodeId: string };

export type Reconciliation = {
  confirmed: number;
  stored: number;
  storedConfirmed: number;
  /** Missing by id because a merge dropped it (its audit says so) for an identical coding already on the target. */
  foldedIntoIdentical: number;
  lost: number;
  duplicated: number;
  wrongCoder: number;
  /** On a code other than the one applied (or what it was merged into). */
  misplaced: number;
  strandedOnMerged: number;
  strandedOnDeleted: number;
  /** Confirmed before the delete: hidden with the code, as a delete means, and restorable. */
  hiddenByDelete: number;
  /** Stored but no analyst was told (a reply lost in transport would do it). */
  storedUnconfirmed: number;
};

const key = (c: { documentId: string; codeId: string; coderId: string; start: number; end: number }) => `${c.documentId}|${c.codeId}|${c.coderId}|${c.start}|${c.end}`;

/**
 * Holds every confirmed coding against what the database ended with. From the audit log:
 * `merges` (each merged-away code's target, and the codings a merge dropped as identical to
 * one on the target), `deleted` (the deleted code and how many codings the delete counted:
 * every coding on it beyond those was applied after it, so stranded).
 */
export async function reconcile(
  prisma: PrismaClient,
  projectId: string,
  confirmations: Confirmed[],
  merges: { mergedInto: Map<string, string>; droppedIds: Set<string> },
  deleted: { codeId: string; hiddenCodings: number } | null,
): Promise<Reconciliation> {
  const { mergedInto, droppedIds } = merges;
  const rows = await prisma.coding.findMany({ where: { projectId }, select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byKey = new Map<string, number>();
  for (const row of rows) byKey.set(key(row), (byKey.get(key(row)) ?? 0) + 1);
  const resolve = (codeId: string) => {
    for (let hops = 0; mergedInto.has(codeId) && hops < 1000; hops++) codeId = mergedInto.get(codeId)!;
    return codeId;
  };

  const confirmed = new Map(confirmations.map((c) => [c.id, c]));
  const result: Reconciliation = {
    confirmed: confirmed.size,
    stored: rows.length,
    storedConfirmed: 0,
    foldedIntoIdentical: 0,
    lost: 0,
    duplicated: [...byKey.values()].reduce((sum, n) => sum + n - 1, 0),
    wrongCoder: 0,
    misplaced: 0,
    strandedOnMerged: rows.filter((r) => mergedInto.has(r.codeId)).length,
    strandedOnDeleted: 0,
    hiddenByDelete: 0,
    storedUnconfirmed: rows.filter((r) => !confirmed.has(r.id)).length,
  };
  for (const c of confirmed.values()) {
    const row = byId.get(c.id);
    if (!row) {
      const equivalent = { ...c, codeId: resolve(c.appliedCodeId) };
      if (droppedIds.has(c.id) && byKey.has(key(equivalent))) result.foldedIntoIdentical++;
      else result.lost++;
      continue;
    }
    result.storedConfirmed++;
    if (row.coderId !== c.coderId) result.wrongCoder++;
    if (row.codeId !== resolve(c.appliedCodeId) || row.documentId !== c.documentId || row.start !== c.start || row.end !== c.end) result.misplaced++;
    if (deleted && row.codeId === deleted.codeId) result.hiddenByDelete++;
  }
  if (deleted) {
    const onDeleted = rows.filter((r) => r.codeId === deleted.codeId).length;
    result.strandedOnDeleted = Math.max(0, onDeleted - deleted.hiddenCodings);
  }
  return result;
}
