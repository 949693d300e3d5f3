import { getLiveCodebook } from "../analysis/data";
import { db } from "../db/client";
import { CODE_SEARCH_LIMIT } from "./schema";
import { indexCodes, isSearch, pathLabel, searchCodes } from "./search";

/**
 * One live code's definition, as the coding workspace opens it: the transcript page sends
 * only names and places (lib/codes/packed.ts), since a codebook of thousands with definitions
 * of up to 4 x 5,000 characters each would be most of the page. Null for a code that is not
 * in the project or was deleted.
 */
export async function getCodeDefinition(projectId: string, codeId: string) {
  return db().code.findFirst({
    where: { id: codeId, projectId, deletedAt: null },
    select: { id: true, name: true, description: true, inclusion: true, exclusion: true, example: true },
  });
}

export type CodeDefinition = NonNullable<Awaited<ReturnType<typeof getCodeDefinition>>>;

export type CodeChoice = { id: string; name: string; path: string };

/**
 * The live codes matching `q` by name or path (lib/codes/search.ts), best first, at most
 * `limit`, for a chooser that asks as the reader types instead of receiving the whole
 * codebook (10,000 codes as <option>s were megabytes of HTML). An empty query lists the first
 * codes in the codebook's order. `total` counts every match. The codebook is not hidden by
 * blind coding, so any member may search it.
 */
export async function findCodes(projectId: string, q: string, kind: "any" | "parents", limit = CODE_SEARCH_LIMIT): Promise<{ codes: CodeChoice[]; total: number }> {
  const codebook = await getLiveCodebook(projectId);
  const withChildren = new Set(codebook.map((c) => c.parentId));
  const eligible = kind === "parents" ? codebook.filter((c) => withChildren.has(c.id)) : codebook;
  // Paths are named from the whole codebook, so a parent's own parent still shows.
  const index = indexCodes(codebook);
  const allowed = new Set(eligible.map((c) => c.id));
  const found = isSearch(q) ? searchCodes(index, q).filter((c) => allowed.has(c.id)) : eligible;
  return { codes: found.slice(0, limit).map((c) => ({ id: c.id, name: c.name, path: pathLabel(index.paths.get(c.id) ?? []) })), total: found.length };
}
