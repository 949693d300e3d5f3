import type { ProjectContext } from "../auth/project-access";
import { applyAutocode, previewAutocode } from "../autocode/mutations";
import type { Extent } from "../autocode/limits";
import { AppError } from "../errors";
import { readScope } from "../rigour/blind";
import { searchSpans } from "./data";
import { parseSaved } from "./saved";
import { searchQueryParams } from "./schema";

/** Auto-coding the hits of a search: every hit, or the ticked ones ("<documentId>:<start>:<end>"). */
export type SearchAutocodeInput = { params: string; codeId: string; extent: Extent; hits: "all" | string[] };

/**
 * The spans to code, found again on the server from the search itself: a ticked hit is coded
 * only if the search still finds it there, so a browser cannot send arbitrary passages, and a
 * transcript changed since the page was drawn gives a clear refusal rather than a wrong
 * coding. The coded / not coded filter follows the caller's blind scope, like the page.
 */
async function spansOf(ctx: ProjectContext, input: SearchAutocodeInput) {
  const query = parseSaved(input.params);
  const all = await searchSpans(ctx.projectId, query, await readScope(ctx.projectId, { id: ctx.user.id, role: ctx.role }));
  let spans = all;
  if (input.hits !== "all") {
    const found = new Map(all.map((s) => [`${s.documentId}:${s.start}:${s.end}`, s]));
    const missing = input.hits.filter((key) => !found.has(key));
    if (missing.length > 0) throw new AppError("CONFLICT", `${missing.length === 1 ? "One ticked match is" : `${missing.length} ticked matches are`} no longer found by this search (a transcript changed?). Search again and tick them anew.`);
    spans = [...new Set(input.hits)].map((key) => found.get(key)!);
  }
  if (spans.length === 0) throw new AppError("VALIDATION", "There are no matches to code. Tick some, or choose all matches.");
  const summary = `search "${query.q}" (${query.mode}${query.coded !== "any" ? `, coded filter ${query.coded}` : ""}), ${input.hits === "all" ? "all" : input.hits.length} ${spans.length === 1 ? "match" : "matches"}`;
  return {
    codeId: input.codeId,
    extent: input.extent,
    spans,
    source: { kind: "search" as const, summary, params: searchQueryParams(query).toString(), ticked: input.hits === "all" ? null : spans.length },
  };
}

export async function previewSearchAutocode(ctx: ProjectContext, input: SearchAutocodeInput) {
  return previewAutocode(ctx, await spansOf(ctx, input));
}

export async function applySearchAutocode(ctx: ProjectContext, input: SearchAutocodeInput) {
  return applyAutocode(ctx, await spansOf(ctx, input));
}
