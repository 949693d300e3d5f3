import { z } from "zod";
import { EXTENTS, MAX_PATTERN_LENGTH, MAX_SPANS, MAX_SPEAKER_LENGTH, PATTERN_KINDS, PATTERN_SECTIONS, SPEAKER_ROLES } from "./limits";

const id = z.string().trim().min(1).max(64);
const values = <T extends readonly { value: string }[]>(list: T) => list.map((m) => m.value) as [T[number]["value"], ...T[number]["value"][]];
/** Interviews to code in; none chosen means every interview of the project. */
const documentIds = z.array(id).max(1000).default([]);

export const extentSchema = z.enum(values(EXTENTS));

/** A passage to code, in code points of Document.text (lib/transcripts/offsets.ts). */
export const documentSpanSchema = z
  .object({ documentId: id, start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.start < s.end, { message: "A passage must start before it ends.", path: ["end"] });

/** What the core takes: spans computed server-side by a source (a search, a speaker, a pattern). */
export const autocodeSpansSchema = z.object({
  codeId: id,
  extent: extentSchema,
  spans: z.array(documentSpanSchema).max(MAX_SPANS, `One run codes at most ${MAX_SPANS.toLocaleString("en")} passages; narrow the search.`),
});

export const bySpeakerSchema = z
  .object({
    projectId: id,
    codeId: id,
    documentIds,
    role: z.enum(values(SPEAKER_ROLES)).optional(),
    speaker: z.string().trim().min(1).max(MAX_SPEAKER_LENGTH).optional(),
  })
  .refine((v) => (v.role === undefined) !== (v.speaker === undefined), { message: "Choose a role or type a speaker's name, not both.", path: ["speaker"] });

export const byPatternSchema = z.object({
  projectId: id,
  codeId: id,
  documentIds,
  kind: z.enum(values(PATTERN_KINDS)),
  // Not trimmed: "Q " and "Q" are different prefixes.
  pattern: z.string().max(MAX_PATTERN_LENGTH, `A pattern is at most ${MAX_PATTERN_LENGTH} characters.`).refine((s) => s.trim().length > 0, "Type the beginning of the lines to code."),
  section: z.enum(values(PATTERN_SECTIONS)).default("line"),
});

export const undoBatchSchema = z.object({ projectId: id, batchId: id });

export type AutocodeSpansInput = z.infer<typeof autocodeSpansSchema>;
export type BySpeakerInput = z.infer<typeof bySpeakerSchema>;
export type ByPatternInput = z.infer<typeof byPatternSchema>;
export type UndoBatchInput = z.infer<typeof undoBatchSchema>;
