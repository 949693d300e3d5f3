import { z } from "zod";
import { MAX_QUERY_LENGTH, SEARCH_MODES, SPEAKER_FILTERS } from "./limits";

const id = z.string().trim().min(1).max(64);
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
  return { q: one("q"), mode: one("mode"), speaker: one("speaker"), documents: documents.length > 0 ? documents.join(",") : undefined, case: one("case"), page: one("page") };
}

/** An owner's choice of the project's text search language (a pg_ts_config name, e.g. "german"). */
export const setSearchLanguageSchema = z.object({
  projectId: id,
  language: z.string().trim().toLowerCase().min(1).max(63).regex(/^[a-z_]+$/, "Choose one of the languages listed."),
});
