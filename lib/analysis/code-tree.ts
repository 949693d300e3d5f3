/**
 * The live codebook as the analysis sees it. Only live codes (deletedAt null) count; a live
 * code whose parent is deleted stands at the top level (as the codebook shows it, see
 * lib/codes/tree.ts) rather than vanishing from the roll-up.
 */

export type TreeCode = { id: string; parentId: string | null; deletedAt?: Date | string | null };

/** Live codes with their effective parent (null when the parent is missing or deleted). */
export function liveCodes<T extends TreeCode>(codes: readonly T[]): (T & { parentId: string | null })[] {
  const live = codes.filter((c) => !c.deletedAt);
  const ids = new Set(live.map((c) => c.id));
  return live.map((c) => ({ ...c, parentId: c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null }));
}

/** Each live code's subtree: itself and every live code below it (a cycle cannot loop). */
export function subtrees(codes: readonly { id: string; parentId: string | null }[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const code of codes) if (code.parentId) (children.get(code.parentId) ?? children.set(code.parentId, []).get(code.parentId)!).push(code.id);
  const out = new Map<string, Set<string>>();
  for (const code of codes) {
    const seen = new Set<string>([code.id]);
    const stack = [code.id];
    while (stack.length > 0) {
      for (const child of children.get(stack.pop()!) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    out.set(code.id, seen);
  }
  return out;
}

/**
 * Standard competition ranking ("1, 2, 2, 4"): ties share a rank, so two themes raised in
 * the same number of interviews are not ranked apart by an accident of sort order.
 */
export function competitionRanks<T>(items: readonly T[], score: (item: T) => number): Map<T, number> {
  const ranks = new Map<T, number>();
  for (const item of items) ranks.set(item, 1 + items.filter((other) => score(other) > score(item)).length);
  return ranks;
}
