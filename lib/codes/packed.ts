/**
 * How the codebook travels with the transcript page: what drawing a code needs (name, colour,
 * shortcut, place in the tree and the project count), one short array per code, with the
 * parent as the index of its row rather than its id, and no definitions (the workspace asks
 * for a code's definition when it is opened: app/api/projects/[projectId]/codes/[codeId]).
 * As objects with keys, ids and definitions, 10,000 codes made megabytes of page; the page
 * sends these rows and the workspace unpacks them once (tests/unit/codes/packed.test.ts).
 */
export type WorkspaceCode = { id: string; parentId: string | null; name: string; colour: string; shortcut: string | null; position: number };

/** [id, parent row or -1, name, colour, shortcut or "", position, codings in the project]. */
export type PackedCode = [id: string, parent: number, name: string, colour: string, shortcut: string, position: number, projectCount: number];

export function packCodes(codes: readonly WorkspaceCode[], projectCounts: Readonly<Record<string, number>>): PackedCode[] {
  const row = new Map(codes.map((c, i) => [c.id, i]));
  return codes.map((c) => [c.id, c.parentId === null ? -1 : (row.get(c.parentId) ?? -1), c.name, c.colour, c.shortcut ?? "", c.position, projectCounts[c.id] ?? 0]);
}

export function unpackCodes(packed: readonly PackedCode[]): { codes: WorkspaceCode[]; projectCounts: Record<string, number> } {
  const projectCounts: Record<string, number> = {};
  const codes = packed.map(([id, parent, name, colour, shortcut, position, count]) => {
    if (count > 0) projectCounts[id] = count;
    return { id, parentId: parent >= 0 ? packed[parent][0] : null, name, colour, shortcut: shortcut || null, position };
  });
  return { codes, projectCounts };
}
