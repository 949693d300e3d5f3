/**
 * Which codes the codebook beside the transcript draws. A small codebook is drawn whole, as
 * always; a large one (an imported codebook of 10,000 codes) starts collapsed to its top
 * level, opens a parent at a time, and a search lists matching codes, never more than
 * `max` rows at once, so the panel stays usable and the page light. (Issue 14 will render the
 * whole tree virtually; this bounds it first.)
 */
export const FULL_TREE_CODES = 300;
export const MAX_PANEL_ROWS = 300;

type Node = { id: string; parentId: string | null; name: string; depth: number };

export type PanelRows<T> = {
  rows: T[];
  /** Whether the tree is collapsible (a large codebook): parents then get an open/close toggle. */
  collapsible: boolean;
  /** How many codes the rows stand for: the matches of a search, or the open part of the tree. */
  available: number;
};

/** `tree`: codes in reading order with depth (flattenCodeTree). */
export function panelRows<T extends Node>(tree: readonly T[], options: { expanded: ReadonlySet<string>; query: string; max?: number; fullTree?: number }): PanelRows<T> {
  const max = options.max ?? MAX_PANEL_ROWS;
  const q = options.query.trim().toLowerCase();
  if (q) {
    const matches = tree.filter((c) => c.name.toLowerCase().includes(q));
    return { rows: matches.slice(0, max), collapsible: false, available: matches.length };
  }
  if (tree.length <= (options.fullTree ?? FULL_TREE_CODES)) return { rows: [...tree], collapsible: false, available: tree.length };
  // Reading order is depth first, so a code is shown when no ancestor is closed: below a
  // closed code, everything deeper is skipped until the tree comes back up to its depth.
  const shown: T[] = [];
  let closedAt = Infinity;
  for (const code of tree) {
    if (code.depth > closedAt) continue;
    closedAt = options.expanded.has(code.id) ? Infinity : code.depth;
    shown.push(code);
  }
  return { rows: shown.slice(0, max), collapsible: true, available: shown.length };
}

type Definition = { description: string; inclusion: string; exclusion: string; example: string };
export const CLIPPED_DEFINITION = 120;

/**
 * The codes as the workspace sends them to the browser: a small codebook with its definitions
 * whole (the panel shows them), a large one with each definition clipped to a reminder of
 * about CLIPPED_DEFINITION characters in all (the theme page shows it whole), since 10,000
 * codes with definitions of up to 4 x 5,000 characters would be hundreds of megabytes of props.
 */
export function definitionsForPanel<T extends Definition>(codes: T[], fullTree = FULL_TREE_CODES, budget = CLIPPED_DEFINITION): T[] {
  if (codes.length <= fullTree) return codes;
  return codes.map((code) => {
    let left = budget;
    const clip = (text: string) => {
      const kept = text.length <= left ? text : left > 1 ? `${text.slice(0, left - 1)}…` : "";
      left = Math.max(0, left - kept.length);
      return kept;
    };
    return { ...code, description: clip(code.description), inclusion: clip(code.inclusion), exclusion: clip(code.exclusion), example: clip(code.example) };
  });
}
