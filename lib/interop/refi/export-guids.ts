import { isSchemaGuid, normalizeGuid, refiGuid, type GuidKind } from "./guid";

/** A row that may bring the GUID it had in the REFI-QDA file it was imported from. */
export type GuidClaim = { kind: GuidKind; id: string; refiGuid: string | null };

export type GuidOf = (kind: GuidKind, rowId: string) => string;

/**
 * The GUID each exported object is written with. A row imported from a REFI-QDA file gives
 * the other tool back the GUID it had there (refiGuid), so re-opening the export there finds
 * "the same code again"; every other object gets its derived UUIDv5 (guid.ts).
 *
 * No two objects of one file may share a GUID (references would become ambiguous), yet kept
 * GUIDs can collide: two projects imported from one file and merged, a codebook merged twice,
 * a value edited by hand. Claims are honoured in the order given, which is the file's order,
 * so the result does not change between exports: the first claimant keeps a GUID, later ones
 * fall back to their derived GUID. A kept value that is not a schema-valid GUID is not
 * written either. Comparison ignores case and braces, as readers do (normalizeGuid).
 */
export function allocateGuids(claims: Iterable<GuidClaim>): GuidOf {
  const taken = new Set<string>();
  const assigned = new Map<string, string>();
  const pending: GuidClaim[] = [];
  for (const claim of claims) {
    const kept = claim.refiGuid?.trim() ?? "";
    const key = normalizeGuid(kept);
    if (kept !== "" && isSchemaGuid(kept) && !taken.has(key)) {
      taken.add(key);
      assigned.set(`${claim.kind}:${claim.id}`, kept);
    } else {
      pending.push(claim);
    }
  }
  // Derived GUIDs are name-based, so one can only equal a kept GUID if the kept one was
  // derived from the same name (an export of this very row, imported elsewhere and back).
  for (const claim of pending) {
    let guid = refiGuid(claim.kind, claim.id);
    for (let n = 2; taken.has(guid); n++) guid = refiGuid(claim.kind, `${claim.id}#${n}`);
    taken.add(guid);
    assigned.set(`${claim.kind}:${claim.id}`, guid);
  }
  return (kind, rowId) => assigned.get(`${kind}:${rowId}`) ?? refiGuid(kind, rowId);
}
