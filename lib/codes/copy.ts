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

/**
 * The live codes of a codebook as rows of another project: new ids (given before the insert,
 * so one bulk insert can carry the whole tree), parents before their children, and every
 * other field as it is. A deleted code is left out; should a live code sit under a deleted
 * one, it hangs from its nearest live ancestor (deleting a code moves its sub-codes up, so
 * this is only a safeguard).
 */
export function copyCodebook(rows: CodebookRow[], projectId: string): CopiedCode[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const newIds = new Map(rows.filter((r) => r.deletedAt === null).map((r) => [r.id, newRowId()]));
  const liveParent = (row: CodebookRow): string | null => {
    const seen = new Set<string>();
    let parentId = row.parentId;
    while (parentId !== null && !newIds.has(parentId) && !seen.has(parentId)) {
      seen.add(parentId);
      parentId = byId.get(parentId)?.parentId ?? null;
    }
    return parentId !== null && newIds.has(parentId) ? parentId : null;
  };
  const depth = new Map<string, number>();
  const depthOf = (row: CodebookRow, guard = 0): number => {
    const known = depth.get(row.id);
    if (known !== undefined) return known;
    const parent = liveParent(row);
    const value = parent === null || guard > rows.length ? 0 : depthOf(byId.get(parent)!, guard + 1) + 1;
    depth.set(row.id, value);
    return value;
  };
  return rows
    .filter((r) => r.deletedAt === null)
    .sort((a, b) => depthOf(a) - depthOf(b))
    .map(({ deletedAt: _deleted, ...row }) => {
      const parent = liveParent(row as CodebookRow);
      return { ...row, id: newIds.get(row.id)!, projectId, parentId: parent === null ? null : newIds.get(parent)! };
    });
}
