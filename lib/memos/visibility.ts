import { mayRead, maySee, type ReadScope } from "../rigour/blind";

/**
 * Who may read a memo, under blind coding (lib/rigour/blind.ts): a memo is the work of its
 * author, so it reaches a reader who may see that author's work, or when an owner wrote it
 * (owners do not code blind); a memo on a coding is part of the coding, so it also needs the
 * coding to be readable. The REFI-QDA export (lib/interop/refi/export-scope.ts) and the memo
 * pages share this rule.
 */
export function mayReadMemoAuthor(scope: ReadScope, ownerIds: ReadonlySet<string>, authorId: string): boolean {
  return ownerIds.has(authorId) || maySee(scope.everywhere, authorId);
}

export function mayReadMemo(scope: ReadScope, ownerIds: ReadonlySet<string>, memo: { authorId: string; coding: { documentId: string; coderId: string } | null }): boolean {
  return (memo.coding === null || mayRead(scope, memo.coding)) && mayReadMemoAuthor(scope, ownerIds, memo.authorId);
}
