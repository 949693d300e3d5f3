import { z } from "zod";
import { EXTENTS } from "../autocode/limits";
import { CODED_FILTERS, HIT_CAP, MAX_QUERY_LENGTH, MAX_SAVED_SEARCH_NAME, SEARCH_MODES, SPEAKER_FILTERS } from "./limits";

const id = z.string().trim().min(1).max(64);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const values = <T extends readonly { value: string }[]>(list: T) => list.map((m) => m.value) as [T[number]["value"], ...T[number]["value"][]];

/**
 * A search as the page and GET /api/projects/<id>/search take it from the URL:
 * ?q=&mode=&speaker=&documents=<id>,<id>&page=. An empty `documents` means every interview.
 */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "Type something to search for.").max(MAX_QUERY_LENGTH, `A search is at most ${MAX_QUERY_LENGTH} characters.`),
  mode: z.enum(values(SEARCH_MODES)).default("words"),
  speaker: z.enum(values(SPEAKER_FILTERS)).default("all"),
  documents: z
    .string()
    .max(64 * 1000)
    .default("")
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(id).max(1000)),
  /** Interviews of cases with one value of a category attribute: "<attributeId>:<value>". */
  case: z
    .string()
    .max(600)
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const at = s.indexOf(":");
      const attributeId = s.slice(0, at).trim();
      if (at < 1 || attributeId.length > 64) {
        ctx.addIssue({ code: "custom", message: "That case filter is not valid." });
        return z.NEVER;
      }
      return { attributeId, value: s.slice(at + 1) };
    }),
  /** Hits on ("yes") or off ("no") the codings of `code` (with its sub-codes) and/or `analyst`; "any": no filter. */
  coded: z.enum(values(CODED_FILTERS)).default("any"),
  code: z.preprocess(blankToUndefined, id.optional()),
  analyst: z.preprocess(blankToUndefined, id.optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type SearchQuery = z.output<typeof searchQuerySchema>;

/**
 * The URL's search parameters as the schema reads them (a missing one is undefined, not null).
 * Interviews may come as one comma-separated value or as repeated ?documents= (the form's
 * checkboxes).
 */
export function searchParamsObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const all = (key: string): string[] => {
    const value = params instanceof URLSearchParams ? params.getAll(key) : params[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const one = (key: string) => all(key)[0];
  const documents = all("documents");
  return {
    q: one("q"),
    mode: one("mode"),
    speaker: one("speaker"),
    documents: documents.length > 0 ? documents.join(",") : undefined,
    case: one("case"),
    coded: one("coded"),
    code: one("code"),
    analyst: one("analyst"),
    page: one("page"),
  };
}

/** A search back as URL parameters (the inverse of searchParamsObject), without the page. */
export function searchQueryParams(query: Omit<SearchQuery, "page">): URLSearchParams {
  const out = new URLSearchParams({ q: query.q, mode: query.mode, speaker: query.speaker });
  if (query.documents.length > 0) out.set("documents", query.documents.join(","));
  if (query.case) out.set("case", `${query.case.attributeId}:${query.case.value}`);
  if (query.coded !== "any") {
    out.set("coded", query.coded);
    if (query.code) out.set("code", query.code);
    if (query.analyst) out.set("analyst", query.analyst);
  }
  return out;
}

/** An owner's choice of the project's text search language (a pg_ts_config name, e.g. "german"). */
export const setSearchLanguageSchema = z.object({
  projectId: id,
  language: z.string().trim().toLowerCase().min(1).max(63).regex(/^[a-z_]+$/, "Choose one of the languages listed."),
});

export const saveSearchSchema = z.object({
  projectId: id,
  name: z.string().trim().min(1, "Give the search a name.").max(MAX_SAVED_SEARCH_NAME, `A name is at most ${MAX_SAVED_SEARCH_NAME} characters.`),
  /** The search page's query string, as its address has it. */
  params: z.string().max(70_000),
});

export const deleteSavedSearchSchema = z.object({ projectId: id, savedSearchId: id });

/** Auto-coding a search's hits: all of them, or the ticked ones as "<documentId>:<start>:<end>". */
export const searchAutocodeSchema = z.object({
  projectId: id,
  params: z.string().max(70_000),
  codeId: id,
  extent: z.enum(values(EXTENTS)),
  hits: z.union([z.literal("all"), z.array(z.string().max(200).regex(/^[^:]+:\d+:\d+$/, "A ticked match is not valid.")).min(1, "Tick at least one match.").max(HIT_CAP)]),
});

/** A saved search's matches as a file. */
export const savedSearchExportSchema = z.object({ savedSearchId: id, format: z.enum(["csv", "xlsx"]) });
