import { authorizeProject } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import { AppError } from "../errors";
import { UPLOAD_LIMITS } from "../interop/limits";
import type { ParsedTranscriptFile } from "../interop/transcripts";
import { codePointLength, sliceByCodePoints } from "../transcripts/offsets";
import { parseInWorker } from "../workers/parse";
import { importTranscripts } from "./import";
import { defaultSpeakerMapping, defaultTitle, importTranscriptsSchema } from "./import-schema";

export type FilePreview = {
  fileName: string;
  format?: string;
  error?: string;
  warnings: string[];
  turns: number;
  speakers: { name: string; turns: number; interviewer: boolean }[];
  /**
   * Label-shaped line starts (text, Markdown, Word, PDF) with how often each occurs and
   * whether it was taken for a speaker: the preview lets the person tick the ones seen once
   * or untick any, or say the file has no speakers. Empty for captions.
   */
  labels: { name: string; occurrences: number; accepted: boolean }[];
  excerpt: { speaker: string; text: string }[];
  title: string;
  suggestedCase: { kind: "existing"; caseId: string; name: string } | { kind: "new"; name: string };
};

// A report can have hundreds of "Something:" line starts; the preview lists the speakers, then the commonest others.
const MAX_PREVIEW_LABELS = 40;

/** Reads the uploaded files of a multipart request, refusing what is over the limits. */
export async function readUploadedFiles(form: FormData): Promise<File[]> {
  const files = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f);
  if (files.length === 0) throw new AppError("VALIDATION", "No files were uploaded.");
  if (files.length > UPLOAD_LIMITS.maxFilesPerImport) throw new AppError("VALIDATION", `At most ${UPLOAD_LIMITS.maxFilesPerImport} files per import; you sent ${files.length}.`);
  for (const file of files) {
    if (file.size > UPLOAD_LIMITS.maxTranscriptFileBytes) {
      throw new AppError("VALIDATION", `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; transcript files are limited to ${UPLOAD_LIMITS.maxTranscriptFileBytes / 1048576} MB.`);
    }
  }
  return files;
}

async function parseAll(files: File[]): Promise<{ file: File; parsed?: ParsedTranscriptFile; error?: string }[]> {
  const out = [];
  for (const file of files) out.push({ file, ...(await parseOne(file.name, new Uint8Array(await file.arrayBuffer()))) });
  return out;
}

/** What each file would become, before anything is stored: turns, speakers, first lines. */
export async function previewTranscriptImport(user: CurrentUser, projectId: string, files: File[]): Promise<FilePreview[]> {
  await authorizeProject(user, projectId, "owner");
  const cases = await db().case.findMany({ where: { projectId }, select: { id: true, name: true } });
  const byName = new Map(cases.map((c) => [c.name.toLowerCase(), c]));
  return (await parseAll(files)).map(({ file, parsed, error }) => {
    const title = defaultTitle(file.name);
    const existing = byName.get(title.toLowerCase());
    const suggestedCase = existing ? { kind: "existing" as const, caseId: existing.id, name: existing.name } : { kind: "new" as const, name: title };
    if (!parsed) return { fileName: file.name, error, warnings: [], turns: 0, speakers: [], labels: [], excerpt: [], title, suggestedCase };
    const { transcript } = parsed;
    const defaults = defaultSpeakerMapping(transcript.speakers);
    return {
      fileName: file.name,
      format: parsed.format,
      warnings: parsed.warnings,
      turns: transcript.turns.length,
      speakers: defaults.map((d) => ({ name: d.from, interviewer: d.interviewer, turns: transcript.turns.filter((t) => t.speaker === d.from).length })),
      labels: [...(transcript.candidates ?? [])].sort((x, y) => Number(y.accepted) - Number(x.accepted) || y.occurrences - x.occurrences).slice(0, MAX_PREVIEW_LABELS).map((c) => ({ name: c.speaker, occurrences: c.occurrences, accepted: c.accepted })),
      // Without turns (no speakers found, or none yet confirmed) the text's beginning, so the file can still be recognised.
      excerpt:
        transcript.turns.length > 0
          ? transcript.turns.slice(0, 3).map((t) => ({ speaker: t.speaker, text: sliceByCodePoints(transcript.text, t.start, Math.min(t.end, t.start + 220)) }))
          : [{ speaker: "", text: sliceByCodePoints(transcript.text, 0, Math.min(400, codePointLength(transcript.text))) }],
      title,
      suggestedCase,
    };
  });
}

/** Stores the confirmed files: every file must parse, or nothing is stored. */
export async function commitTranscriptImport(user: CurrentUser, rawOptions: unknown, files: File[]) {
  const { ctx, options, chosen } = await checkCommit(user, rawOptions, files);
  const parsed = await parseAll(chosen);
  return importTranscripts(ctx, allParsed(parsed).map((p, i) => ({ parsed: p, options: options.files[i] })));
}

/**
 * The options of a commit, checked before anything is read: valid, the caller an owner of
 * the project, every file named in them uploaded. Errors here answer the request itself.
 */
export async function checkCommit(user: CurrentUser, rawOptions: unknown, files: File[]) {
  const parsedOptions = importTranscriptsSchema.safeParse(rawOptions);
  if (!parsedOptions.success) {
    throw new AppError("VALIDATION", parsedOptions.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const options = parsedOptions.data;
  const ctx = await authorizeProject(user, options.projectId, "owner");
  const byName = new Map(files.map((f) => [f.name, f]));
  const chosen = options.files.map((o) => {
    const file = byName.get(o.fileName);
    if (!file) throw new AppError("VALIDATION", `${o.fileName} was not uploaded with the import.`);
    return file;
  });
  return { ctx, options, chosen };
}

/** Every file parsed, or a VALIDATION error naming each one that did not. */
export function allParsed(parsed: { parsed?: ParsedTranscriptFile; error?: string }[]): ParsedTranscriptFile[] {
  const failed = parsed.filter((p) => p.error);
  if (failed.length > 0) throw new AppError("VALIDATION", `Nothing was imported: ${failed.map((f) => f.error).join(" ")}`);
  return parsed.map((p) => p.parsed!);
}

/**
 * One file read into a transcript (in the parse worker, within its memory and time limits),
 * or the reason it cannot be. A server too busy to read it is the request's error, not the file's.
 */
export async function parseOne(fileName: string, bytes: Uint8Array): Promise<{ parsed?: ParsedTranscriptFile; error?: string }> {
  try {
    return { parsed: await parseInWorker("transcript", { fileName, bytes }, { fileName }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") throw error;
    return { error: (error as Error).message };
  }
}
