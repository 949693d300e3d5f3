import { db } from "../db/client";
import { documentVisibility, maySee, type Viewer } from "../rigour/blind";
import type { StarInfo } from "./passages";

/**
 * Reads of representative quotes. Stars are read separately from the passages
 * (lib/analysis/quotes-data.ts) and merged on the page, so the figures' SQL stays as it is.
 */

/**
 * The stars among `codingIds`, restricted to this project. Callers pass only codings they
 * already show the reader (the theme page's passages went through blind mode), so this
 * reveals nothing beyond them.
 */
export async function starsOf(projectId: string, codingIds: readonly string[]): Promise<Map<string, StarInfo>> {
  if (codingIds.length === 0) return new Map();
  const rows = await db().representativeQuote.findMany({
    where: { projectId, codingId: { in: [...new Set(codingIds)] } },
    select: { codingId: true, createdAt: true, starredBy: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.codingId, { starredBy: r.starredBy.name, starredAt: r.createdAt.toISOString() }]));
}

export type StarredQuote = {
  codingId: string;
  documentTitle: string;
  caseName: string | null;
  codeName: string;
  coderId: string;
  coderName: string;
  quote: string;
  starredBy: string;
};

/**
 * The project's representative quotes that `viewer` may see, in transcript order: starred
 * codings of live codes, less any that blind mode hides from them in their document.
 */
export async function starredQuotes(projectId: string, viewer: Viewer, limit = 500): Promise<StarredQuote[]> {
  const [visibility, rows] = await Promise.all([
    documentVisibility(projectId, viewer),
    db().representativeQuote.findMany({
      where: { projectId, coding: { code: { deletedAt: null } } },
      select: {
        starredBy: { select: { name: true } },
        coding: {
          select: {
            id: true,
            coderId: true,
            start: true,
            quote: true,
            document: { select: { id: true, title: true, position: true, case: { select: { name: true } } } },
            code: { select: { name: true } },
            coder: { select: { name: true } },
          },
        },
      },
    }),
  ]);
  return rows
    .filter(({ coding }) => {
      const seen = visibility.get(coding.document.id);
      return seen !== undefined && maySee(seen, coding.coderId);
    })
    .sort((a, b) => a.coding.document.position - b.coding.document.position || a.coding.document.title.localeCompare(b.coding.document.title) || a.coding.start - b.coding.start)
    .slice(0, limit)
    .map(({ coding, starredBy }) => ({
      codingId: coding.id,
      documentTitle: coding.document.title,
      caseName: coding.document.case?.name ?? null,
      codeName: coding.code.name,
      coderId: coding.coderId,
      coderName: coding.coder.name,
      quote: coding.quote,
      starredBy: starredBy.name,
    }));
}
