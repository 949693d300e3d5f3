import { getLiveCodebook } from "../analysis/data";
import { getProjectCodeCounts } from "../codings/data";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { documentVisibility, type Viewer } from "../rigour/blind";
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

export type CodebookRow = { id: string; parentId: string | null; name: string; colour: string; position: number; shortcut: string | null };

/** Every live code with what the codebook page lists (not the definitions: opened one at a time), and codings per code the viewer may see. */
export async function getCodebookForPage(projectId: string, viewer: Viewer): Promise<{ name: string; codes: CodebookRow[]; counts: Record<string, number> } | null> {
  const [project, codes, counts] = await Promise.all([
    db().project.findUnique({ where: { id: projectId }, select: { name: true } }),
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, colour: true, position: true, shortcut: true } }),
    getProjectCodeCounts(projectId, viewer),
  ]);
  return project ? { name: project.name, codes, counts: counts ?? {} } : null;
}

export const CODE_CODINGS_PAGE = 200;
const QUOTE_SHOWN = 300;

export type CodeCodingRow = { id: string; quote: string; documentId: string; documentTitle: string; coderName: string; start: number };

/**
 * The codings of one code that `viewer` may see under blind coding (lib/rigour/blind.ts), in
 * document and text order, a page at a time, with their quote (cut to 300 characters) and
 * document, for the split form to tick. A code of another project, or a deleted one, is null.
 */
export async function getCodeCodings(projectId: string, codeId: string, viewer: Viewer, page = 1): Promise<{ codings: CodeCodingRow[]; total: number } | null> {
  const code = await db().code.findFirst({ where: { id: codeId, projectId, deletedAt: null }, select: { id: true } });
  if (!code) return null;
  const visibility = await documentVisibility(projectId, viewer);
  // Per document: all, or the coders allowed there (possibly none).
  const allowed: Prisma.CodingWhereInput[] = [...visibility].map(([documentId, v]) => (v === "all" ? { documentId } : { documentId, coderId: { in: v } }));
  const where: Prisma.CodingWhereInput = { projectId, codeId, OR: allowed.length ? allowed : [{ id: "" }] };
  const [rows, total] = await Promise.all([
    db().coding.findMany({
      where,
      orderBy: [{ document: { position: "asc" } }, { documentId: "asc" }, { start: "asc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * CODE_CODINGS_PAGE,
      take: CODE_CODINGS_PAGE,
      select: { id: true, quote: true, start: true, documentId: true, document: { select: { title: true } }, coder: { select: { name: true } } },
    }),
    db().coding.count({ where }),
  ]);
  return {
    codings: rows.map((r) => ({ id: r.id, quote: r.quote.length > QUOTE_SHOWN ? `${r.quote.slice(0, QUOTE_SHOWN)}…` : r.quote, documentId: r.documentId, documentTitle: r.document.title, coderName: r.coder.name, start: r.start })),
    total,
  };
}
