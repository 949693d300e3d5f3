/**
 * What the auto-coding forms need to know, without zod (client components may not import it:
 * the CSP refuses zod's eval probe). lib/autocode/schema.ts validates against the same lists.
 */
export const EXTENTS = [
  { value: "hit", label: "Just the match" },
  { value: "sentence", label: "Its sentence" },
  { value: "paragraph", label: "Its paragraph" },
  { value: "turn", label: "The whole speaker turn" },
] as const;
export type Extent = (typeof EXTENTS)[number]["value"];

export const SPEAKER_ROLES = [
  { value: "interviewer", label: "Every interviewer turn" },
  { value: "respondent", label: "Every respondent turn" },
] as const;
export type SpeakerRoleChoice = (typeof SPEAKER_ROLES)[number]["value"];

export const PATTERN_KINDS = [
  { value: "prefix", label: "Lines beginning with" },
  { value: "regex", label: "Lines matching a regular expression" },
] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number]["value"];

export const PATTERN_SECTIONS = [
  { value: "line", label: "The matching line" },
  { value: "section", label: "From the matching line to the next one" },
] as const;
export type PatternSection = (typeof PATTERN_SECTIONS)[number]["value"];

/** Passages one run may code: enough for every turn of a large study, small enough for one transaction. */
export const MAX_SPANS = 20_000;
/** Passages a preview shows as examples. */
export const SAMPLE_SIZE = 20;
/** Characters of a sample passage shown before it is cut with an ellipsis. */
export const SAMPLE_CHARS = 300;
export const MAX_PATTERN_LENGTH = 300;
export const MAX_SPEAKER_LENGTH = 100;
/** Runs the "Auto-coding runs" list shows. */
export const RUNS_SHOWN = 20;
