/**
 * What the search form needs to know, without zod (client components may not import it: the
 * CSP refuses zod's eval probe). lib/search/schema.ts validates against the same lists.
 */
export const SEARCH_MODES = [
  { value: "words", label: "All words" },
  { value: "any", label: "Any word" },
  { value: "phrase", label: "Exact phrase" },
  { value: "prefix", label: "Words beginning with" },
  { value: "regex", label: "Regular expression" },
] as const;
export type SearchMode = (typeof SEARCH_MODES)[number]["value"];

export const SPEAKER_FILTERS = [
  { value: "all", label: "Everyone" },
  { value: "respondent", label: "Respondents only" },
  { value: "interviewer", label: "Interviewers only" },
] as const;
export type SpeakerFilter = (typeof SPEAKER_FILTERS)[number]["value"];

export const CODED_FILTERS = [
  { value: "any", label: "Coded or not" },
  { value: "yes", label: "Coded with" },
  { value: "no", label: "Not coded with" },
] as const;
export type CodedFilter = (typeof CODED_FILTERS)[number]["value"];

export const MAX_QUERY_LENGTH = 300;
/** Interviews on one page of results. */
export const INTERVIEWS_PER_PAGE = 20;
/** Hits shown per interview; the rest are counted and reached by opening the transcript. */
export const HITS_SHOWN_PER_INTERVIEW = 50;
/** Hits counted exactly in one search; beyond it the total reads "5,000+". */
export const HIT_CAP = 5000;
/** How long a regular expression may run before the search gives up. */
export const REGEX_TIMEOUT_MS = 2000;
/** Saved searches a project keeps (each is re-run to show its count). */
export const MAX_SAVED_SEARCHES = 50;
export const MAX_SAVED_SEARCH_NAME = 120;
/** The id of the search page's auto-coding form, which the results' tick boxes belong to (they sit outside it). */
export const AUTOCODE_FORM = "autocode-hits";
