import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import { AppError, notFound } from "../errors";
import type { ReadScope } from "../rigour/blind";
import { searchProject } from "./data";
import { MAX_SAVED_SEARCHES } from "./limits";
import { type SearchQuery, searchParamsObject, searchQueryParams, searchQuerySchema } from "./schema";

/**
 * Saved searches: a name and the search's URL parameters, stored as that query string so a
 * saved search re-runs exactly as the page would run its address, and is checked again by the
 * current schema each time (a code deleted since gives a clear error, not a wrong count).
 */
export type SavedSearchView = {
  id: string;
  name: string;
  /** The search page's query string for it. */
  params: string;
  createdBy: string | null;
  createdById: string | null;
  /** The search as run now for this reader, or why it cannot run. */
  count: { hits: number; interviews: number; capped: boolean } | { problem: string };
};

export function parseSaved(params: string): SearchQuery {
  const parsed = searchQuerySchema.safeParse(searchParamsObject(new URLSearchParams(params)));
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "That saved search is no longer valid.");
  return { ...parsed.data, page: 1 };
}

const paramsOf = (query: unknown): string => (query && typeof query === "object" && "params" in query && typeof query.params === "string" ? query.params : "");

/** The project's saved searches with their current counts, run under the reader's scope. */
export async function listSavedSearches(projectId: string, scope: ReadScope): Promise<SavedSearchView[]> {
  const rows = await db().savedSearch.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    take: MAX_SAVED_SEARCHES,
    select: { id: true, name: true, query: true, createdById: true, createdBy: { select: { name: true } } },
  });
  const out: SavedSearchView[] = [];
  // One at a time: each search already reads in batches, and a page of them must not flood the pool.
  for (const row of rows) {
    const params = paramsOf(row.query);
    let count: SavedSearchView["count"];
    try {
      const result = await searchProject(projectId, parseSaved(params), scope);
      count = { hits: result.totalHits, interviews: result.totalInterviews, capped: result.capped };
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "INTERNAL") throw error;
      count = { problem: error.message };
    }
    out.push({ id: row.id, name: row.name, params, createdBy: row.createdBy?.name ?? null, createdById: row.createdById, count });
  }
  return out;
}

/** The project's saved searches by name, without running them (for pickers and export links). */
export async function savedSearchNames(projectId: string): Promise<{ id: string; name: string }[]> {
  return db().savedSearch.findMany({ where: { projectId }, orderBy: { name: "asc" }, take: MAX_SAVED_SEARCHES, select: { id: true, name: true } });
}

/** One saved search of the project, for exports and the crosstab; another project's is not found. */
export async function getSavedSearch(projectId: string, id: string): Promise<{ id: string; name: string; query: SearchQuery }> {
  const row = await db().savedSearch.findFirst({ where: { id, projectId }, select: { id: true, name: true, query: true } });
  if (!row) throw notFound("That saved search");
  return { id: row.id, name: row.name, query: parseSaved(paramsOf(row.query)) };
}

const nameTaken = (name: string) => new AppError("CONFLICT", `There is already a saved search called "${name}". Choose another name.`);

/** Saves a search under a name (unique in the project, ignoring case). The search is run once first, so a bad one is refused now. */
export async function saveSearch(ctx: ProjectContext, input: { name: string; params: string }, scope: ReadScope) {
  const query = parseSaved(input.params);
  const result = await searchProject(ctx.projectId, query, scope);
  const params = searchQueryParams(query).toString();
  try {
    return await db().$transaction(async (tx) => {
      const count = await tx.savedSearch.count({ where: { projectId: ctx.projectId } });
      if (count >= MAX_SAVED_SEARCHES) throw new AppError("VALIDATION", `A project keeps at most ${MAX_SAVED_SEARCHES} saved searches. Delete one first.`);
      const same = await tx.savedSearch.findFirst({ where: { projectId: ctx.projectId, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
      if (same) throw nameTaken(input.name);
      const saved = await tx.savedSearch.create({ data: { projectId: ctx.projectId, name: input.name, query: { params }, createdById: ctx.user.id }, select: { id: true, name: true } });
      await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "search.save", entity: "SavedSearch", entityId: saved.id, after: { name: input.name, params } });
      return { ...saved, params, hits: result.totalHits, interviews: result.totalInterviews };
    }, TEAM_WRITE);
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") throw nameTaken(input.name);
    throw error;
  }
}

/** Deletes a saved search: its author or an owner. */
export async function deleteSavedSearch(ctx: ProjectContext, input: { savedSearchId: string }) {
  return db().$transaction(async (tx) => {
    const row = await tx.savedSearch.findFirst({ where: { id: input.savedSearchId, projectId: ctx.projectId }, select: { id: true, name: true, query: true, createdById: true } });
    if (!row) throw notFound("That saved search");
    if (ctx.role !== "owner" && row.createdById !== ctx.user.id) throw new AppError("FORBIDDEN", "Only the analyst who saved this search, or an owner, can delete it.");
    await tx.savedSearch.delete({ where: { id: row.id } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "search.delete", entity: "SavedSearch", entityId: row.id, before: { name: row.name, params: paramsOf(row.query) } });
    return { id: row.id, name: row.name };
  }, TEAM_WRITE);
}
