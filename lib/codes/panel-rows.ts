import { indexCodes, isSearch, searchCodes, type CodeIndex } from "./search";

/**
 * Which codes the codebook beside the transcript lists. A small codebook is listed whole, as
 * always; a large one (an imported codebook of thousands) starts collapsed to its top level and
 * opens a parent at a time, and a search (by name or path, lib/codes/search.ts) lists every
 * match. However long the list, the panel draws only the rows in view (lib/codes/window.ts).
 */
export const FULL_TREE_CODES = 300;

type Node = { id: string; parentId: string | null; name: string; depth: number };

export type PanelRows<T> = {
  rows: T[];
  /** Whether the tree is collapsible (a large codebook): parents then get an open/close toggle. */
  collapsible: boolean;
};

/** `tree`: codes in reading order with depth (flattenCodeTree); `index`: indexCodes(tree), kept between searches. */
/** `size`: the whole codebook's size, when `tree` is a part of it (the transcript page's first screens send the codes in use). */
export function panelRows<T extends Node>(tree: readonly T[], options: { expanded: ReadonlySet<string>; query: string; index?: CodeIndex<T>; fullTree?: number; size?: number }): PanelRows<T> {
  if (isSearch(options.query)) return { rows: searchCodes(options.index ?? indexCodes(tree), options.query), collapsible: false };
  if ((options.size ?? tree.length) <= (options.fullTree ?? FULL_TREE_CODES)) return { rows: [...tree], collapsible: false };
  // Reading order is depth first, so a code is shown when no ancestor is closed: below a
  // closed code, everything deeper is skipped until the tree comes back up to its depth.
  const shown: T[] = [];
  let closedAt = Infinity;
  for (const code of tree) {
    if (code.depth > closedAt) continue;
    closedAt = options.expanded.has(code.id) ? Infinity : code.depth;
    shown.push(code);
  }
  return { rows: shown, collapsible: true };
}
