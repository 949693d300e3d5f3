import type { MemberRole } from "../db/generated/enums";

/**
 * Who may restore what from the history: owners anything; analysts their own codings and memos
 * (a coding is its coder's, a memo its author's); codes are the owners' (they delete them).
 */
export function canRestore(role: MemberRole, meId: string, what: "coding" | "code" | "memo", ownerOfRow: string | null): boolean {
  if (role === "owner") return true;
  if (role !== "analyst" || what === "code") return false;
  return ownerOfRow === meId;
}

/** Whose row a deletion's snapshot was: the coder of a coding, the author of a memo. */
export function rowOwner(what: "coding" | "code" | "memo", before: unknown): string | null {
  const row = (before ?? {}) as { coderId?: unknown; authorId?: unknown };
  const id = what === "coding" ? row.coderId : what === "memo" ? row.authorId : null;
  return typeof id === "string" ? id : null;
}
