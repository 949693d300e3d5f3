import { z } from "zod";

const id = z.string().trim().min(1).max(64);
/** The longest document title and case name the import form accepts; REFI-QDA imports obey them too. */
export const DOCUMENT_TITLE_MAX = 300;
export const CASE_NAME_MAX = 200;

export const speakerMappingSchema = z.object({
  /** The label as found in the file. */
  from: z.string().min(1).max(200),
  /** The name to show (renaming does not touch the stored text, which keeps the original labels). */
  to: z.string().trim().min(1, "A speaker needs a name.").max(200),
  interviewer: z.boolean(),
});

export const caseChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), name: z.string().trim().min(1, "Name the new case.").max(CASE_NAME_MAX) }),
  z.object({ kind: z.literal("existing"), caseId: id }),
  z.object({ kind: z.literal("none") }),
]);

/**
 * Which labels of the file are speakers, as confirmed in the preview: as detected (labels
 * that recur), exactly the ticked ones, or none (the file is not a transcript).
 */
export const speakerChoiceSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("auto") }),
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("chosen"), labels: z.array(z.string().min(1).max(200)).max(200) }),
  ])
  .default({ kind: "auto" });

export const importFileOptionsSchema = z.object({
  fileName: z.string().min(1).max(400),
  title: z.string().trim().min(1, "Give the document a title.").max(DOCUMENT_TITLE_MAX),
  speakers: z.array(speakerMappingSchema).max(100),
  speakerLabels: speakerChoiceSchema,
  case: caseChoiceSchema,
});

export const importTranscriptsSchema = z.object({
  projectId: id,
  files: z.array(importFileOptionsSchema).min(1, "Choose at least one file.").max(200),
});

export type ImportFileOptions = z.infer<typeof importFileOptionsSchema>;
/** Options as a caller may write them: the speaker choice defaults to the detected speakers. */
export type ImportFileInput = z.input<typeof importFileOptionsSchema>;
export type ImportTranscriptsInput = z.infer<typeof importTranscriptsSchema>;

const INTERVIEWER = /^(interviewer|researcher|moderator|facilitator|host|i|q|int)\b/i;

/** Sensible defaults a person then confirms: names as found, interviewer-like labels marked. */
export function defaultSpeakerMapping(speakers: string[]) {
  return speakers.map((s) => ({ from: s, to: s, interviewer: INTERVIEWER.test(s.trim()) }));
}

export function defaultTitle(fileName: string) {
  return fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[_]+/g, " ").trim() || fileName;
}
