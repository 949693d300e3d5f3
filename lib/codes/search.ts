/**
 * Finding a code by name or by path in a codebook of thousands. "cost" finds every code whose
 * name contains "cost"; "Why AWS / Cost" finds codes whose name contains "cost" under an
 * ancestor whose name contains "why aws" (the parts before the last "/" match ancestors in
 * order, each anywhere above the previous one, so "Why AWS / Cost" also finds a grandchild);
 * "Why AWS /" lists everything under "Why AWS". Case-insensitive. The best matches come first:
 * the exact name, then names starting with the text, then a word starting with it, then the
 * rest, each group in the codebook's order.
 */
type Searchable = { id: string; parentId: string | null; name: string };

export type CodeIndex<T extends Searchable> = {
  entries: { code: T; name: string; path: string[]; lowerPath: string[] }[];
  /** Ancestors' names, top first, by code id. */
  paths: Map<string, string[]>;
  /** Ids of the codes that have sub-codes. */
  parents: Set<string>;
};

export function indexCodes<T extends Searchable>(codes: readonly T[]): CodeIndex<T> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string[]>();
  const pathOf = (code: T): string[] => {
    const known = paths.get(code.id);
    if (known) return known;
    const names: string[] = [];
    const seen = new Set([code.id]);
    // Walk up; a missing parent ends the path, a cycle (a -> b -> a) cannot loop.
    for (let parent = code.parentId ? byId.get(code.parentId) : undefined; parent && !seen.has(parent.id); parent = parent.parentId ? byId.get(parent.parentId) : undefined) {
      seen.add(parent.id);
      names.unshift(parent.name);
    }
    paths.set(code.id, names);
    return names;
  };
  const entries = codes.map((code) => {
    const path = pathOf(code);
    return { code, name: code.name.toLowerCase(), path, lowerPath: path.map((p) => p.toLowerCase()) };
  });
  const parents = new Set(codes.flatMap((c) => (c.parentId && byId.has(c.parentId) ? [c.parentId] : [])));
  return { entries, paths, parents };
}

/** Whether the text has anything to search for (an empty query lists nothing here; callers show their default). */
export function isSearch(query: string): boolean {
  return query.split("/").some((part) => part.trim() !== "");
}

export function searchCodes<T extends Searchable>(index: CodeIndex<T>, query: string): T[] {
  if (!isSearch(query)) return [];
  const parts = query.split("/").map((p) => p.trim().toLowerCase());
  const last = parts.at(-1)!;
  const ancestors = parts.slice(0, -1).filter(Boolean);
  const ranked: T[][] = [[], [], [], []];
  for (const entry of index.entries) {
    if (last && !entry.name.includes(last)) continue;
    if (ancestors.length > 0 && !inOrder(entry.lowerPath, ancestors)) continue;
    ranked[rank(entry.name, last)].push(entry.code);
  }
  return ranked.flat();
}

function inOrder(path: string[], parts: string[]): boolean {
  let at = 0;
  for (const name of path) if (at < parts.length && name.includes(parts[at])) at++;
  return at === parts.length;
}

function rank(name: string, text: string): number {
  if (!text || name === text) return 0;
  if (name.startsWith(text)) return 1;
  return name.includes(` ${text}`) ? 2 : 3;
}

/** "Why AWS / Cost": how the picker and the panel name a code's place in the tree. */
export function pathLabel(path: readonly string[]): string {
  return path.join(" / ");
}
