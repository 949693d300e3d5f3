import { newRowId } from "../db/row-id";

/** A code as a codebook copy reads it: the fields a code carries, without its history. */
export type CodebookRow = {
  id: string;
  parentId: string | null;
  deletedAt: Date | null;
  name: string;
  colour: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  shortcut: string | null;
  position: number;
};

export type CopiedCode = Omit<CodebookRow, "deletedAt"> & { projectId: string };

/** A code already in the receiving codebook, as the copy matches against it. */
export type ExistingCode = { id: string; parentId: string | null; name: string; position: number; shortcut: string | null };

export type CodebookCopyPlan = {
  /** New codes, parents before children, ready for bulk inserts. */
  rows: CopiedCode[];
  /** Source codes whose name was already taken among their siblings: merged into that code. */
  matched: number;
  /** Shortcut keys left off new codes because the receiving codebook already uses them. */
  shortcutsDropped: string[];
};

const nameKey = (name: string) => name.trim().toLowerCase();
const CODEBOOK_SELECT_FIELDS = ["id", "parentId", "deletedAt", "name", "colour", "description", "inclusion", "exclusion", "example", "shortcut", "position"] as const;

/** The Prisma select of the fields a copy reads. */
export const CODEBOOK_FIELDS = Object.fromEntries(CODEBOOK_SELECT_FIELDS.map((f) => [f, true])) as { [K in (typeof CODEBOOK_SELECT_FIELDS)[number]]: true };

/**
 * The live codes of a codebook as rows of another project's codebook. A code whose name
 * (ignoring case and surrounding spaces) is already used among its siblings there is merged
 * into that code: nothing is written for it and its sub-codes are copied below the existing
 * one, as "merge into existing" does for a .qdc. Everything else is new: fresh ids (given
 * before the insert, so bulk inserts carry the whole tree), placed after the existing
 * siblings in the source's order, every field as it is, except a shortcut key already in use.
 * A deleted code is left out; a live code under a deleted one hangs from its nearest live
 * ancestor (deleting a code moves its sub-codes up, so this is only a safeguard).
 */
export function planCodebookCopy(source: CodebookRow[], projectId: string, existing: ExistingCode[] = []): CodebookCopyPlan {
  const byId = new Map(source.map((r) => [r.id, r]));
  const live = source.filter((r) => r.deletedAt === null);
  const liveIds = new Set(live.map((r) => r.id));
  const liveParent = (row: CodebookRow): string | null => {
    const seen = new Set<string>();
    let parentId = row.parentId;
    while (parentId !== null && !liveIds.has(parentId) && !seen.has(parentId)) {
      seen.add(parentId);
      parentId = byId.get(parentId)?.parentId ?? null;
    }
    return parentId !== null && liveIds.has(parentId) ? parentId : null;
  };
  const children = new Map<string | null, CodebookRow[]>();
  for (const row of live) {
    const parent = liveParent(row);
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  // The receiving codebook's siblings by name, and the next free position under each parent.
  const siblings = new Map<string, string>();
  const nextPosition = new Map<string | null, number>();
  for (const code of existing) {
    siblings.set(`${code.parentId ?? ""}\u0000${nameKey(code.name)}`, code.id);
    nextPosition.set(code.parentId, Math.max(nextPosition.get(code.parentId) ?? 0, code.position + 1));
  }
  const shortcuts = new Set(existing.flatMap((c) => (c.shortcut ? [c.shortcut] : [])));

  const plan: CodebookCopyPlan = { rows: [], matched: 0, shortcutsDropped: [] };
  // Breadth first, so every parent is written (or matched) before its children.
  let level: { sourceParent: string | null; targetParent: string | null }[] = [{ sourceParent: null, targetParent: null }];
  const visited = new Set<string>();
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { sourceParent, targetParent } of level) {
      const rows = [...(children.get(sourceParent) ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      for (const row of rows) {
        if (visited.has(row.id)) continue;
        visited.add(row.id);
        const key = `${targetParent ?? ""}\u0000${nameKey(row.name)}`;
        const match = siblings.get(key);
        if (match) {
          plan.matched++;
          next.push({ sourceParent: row.id, targetParent: match });
          continue;
        }
        const id = newRowId();
        // After the receiving codebook's own siblings, in the source's order and spacing.
        const position = (nextPosition.get(targetParent) ?? 0) + row.position;
        siblings.set(key, id);
        let shortcut = row.shortcut;
        if (shortcut && shortcuts.has(shortcut)) {
          plan.shortcutsDropped.push(shortcut);
          shortcut = null;
        }
        if (shortcut) shortcuts.add(shortcut);
        const { deletedAt: _deleted, ...fields } = row;
        plan.rows.push({ ...fields, id, projectId, parentId: targetParent, position, shortcut });
        next.push({ sourceParent: row.id, targetParent: id });
      }
    }
    level = next;
  }
  // A cycle in the source (which the app never writes) would leave codes unvisited: at the top.
  for (const row of live.filter((r) => !visited.has(r.id))) {
    const { deletedAt: _deleted, ...fields } = row;
    plan.rows.push({ ...fields, id: newRowId(), projectId, parentId: null, position: (nextPosition.get(null) ?? 0) + row.position, shortcut: null });
  }
  return plan;
}

/** A whole codebook copied into an empty project: every live code is new. */
export function copyCodebook(rows: CodebookRow[], projectId: string): CopiedCode[] {
  return planCodebookCopy(rows, projectId).rows;
}
