export type CodeNode<T> = T & { depth: number; childCount: number };

type TreeInput = { id: string; parentId: string | null; position: number; name: string };

/**
 * Codes in reading order: each parent followed by its children, depth first, siblings by
 * position then name. A code whose parent is missing (deleted, or filtered out) is shown
 * at the top level rather than lost; a cycle cannot hide codes either.
 */
export function flattenCodeTree<T extends TreeInput>(codes: readonly T[]): CodeNode<T>[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, T[]>();
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(code);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));

  const out: CodeNode<T>[] = [];
  const seen = new Set<string>();
  const visit = (code: T, depth: number) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    const kids = children.get(code.id) ?? [];
    out.push({ ...code, depth, childCount: kids.length });
    for (const child of kids) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Codes only reachable through a cycle (a -> b -> a) still appear, at the top level.
  for (const code of codes) visit(code, 0);
  return out;
}
