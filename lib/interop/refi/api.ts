import type { z } from "zod";
import { authorizeProject } from "../../auth/project-access";
import type { CurrentUser } from "../../auth/session";
import { AppError } from "../../errors";
import { parseInWorker } from "../../workers/parse";
import { checkUploadSize } from "./archive";
import { mergeCodebook } from "./codebook-merge";
import { loadCodebookData, loadExportData, projectOwnerIds } from "./data";
import { withholdForReader } from "./export-scope";
import type { ReadScope } from "../../rigour/blind";
import { buildCodebookQdc } from "./export-codebook";
import { buildProjectQde } from "./export-project";
import type { ExportTarget } from "./export-targets";
import { RefiFileError } from "./errors";
import { resolveLimits } from "./limits";
import type { RefiCodebook, RefiProject } from "./model";
import { previewProjectImport, writeProjectImport } from "./mutations";
import { packQdpx } from "./pack";
import { baseName, buildImportPlan } from "./plan";
import { exportQdpxSchema, exportSchema, importQdcSchema, importQdpxSchema, type ImportQdcOptions, type ImportQdpxOptions } from "./schema";
import { describeKind, sniffFile } from "./sniff";
import type { ImportSummary } from "./summary";

/**
 * The REFI-QDA API (QDA-XML 1.0, the exchange format of NVivo, ATLAS.ti, MAXQDA and
 * QualCoder). These functions check their inputs but not who calls them: access.ts wraps
 * them with the project access rules for the UI; scripts/refi-*.ts call them directly.
 * Errors are AppErrors; a refused file is a RefiFileError naming the file and the problem.
 */
export type ImportContext = { user: CurrentUser };

/**
 * Told each step of an import as it begins (steps done, steps in all, what is being done),
 * for a background job's progress (lib/jobs). Awaiting it also lets the server answer other
 * requests between the long synchronous steps (unpacking, parsing, placing).
 */
export type ImportProgress = (done: number, total: number, step: string) => Promise<void>;

const noProgress: ImportProgress = async () => {};

/** The whole project as a .qdpx (zip: project.qde + sources/<guid>.txt), positions counted for `target` (export-targets.ts). */
export async function exportProjectQdpx(projectId: string, reader?: ReadScope, target?: ExportTarget): Promise<Uint8Array> {
  const input = parse(exportQdpxSchema, { projectId, target });
  const data = await loadExportData(input.projectId);
  return packQdpx(buildProjectQde(reader ? withholdForReader(data, reader, await projectOwnerIds(input.projectId)) : data, input.target));
}

/** The live codebook as a .qdc. */
export async function exportCodebookQdc(projectId: string): Promise<string> {
  const input = parse(exportSchema, { projectId });
  return buildCodebookQdc(await loadCodebookData(input.projectId));
}

/** A .qdpx becomes a new project owned by the importing user. */
export async function importQdpx(ctx: ImportContext, bytes: Uint8Array, fileName: string, options: ImportQdpxOptions = {}, progress = noProgress): Promise<ImportSummary> {
  const input = parse(importQdpxSchema, { ...options, bytes, fileName });
  const limits = resolveLimits(input.limits);
  checkUploadSize(input.bytes, input.fileName, limits);
  await progress(0, 4, `Unpacking and reading ${input.fileName}`);
  // Unpacking, parsing and placing run in the parse worker, within its memory and time limits.
  const { plan } = await parseInWorker("qdpx", { fileName: input.fileName, bytes: input.bytes, limits, projectName: input.projectName }, refiFile(input.fileName));
  // Never placed silently on an ambiguous reading: when asked, stop here and let the importer compare.
  if (input.weakPositions === "ask" && plan.positions?.strength === "weak" && plan.positions.ambiguousTotal > 0) return previewProjectImport(plan, ctx.user, input.fileName);
  await progress(3, 4, `Saving ${plan.documents.length} sources, ${plan.codes.length} codes and ${plan.codings.length} codings`);
  return writeProjectImport(plan, ctx.user, input.fileName);
}

/**
 * A .qdc merges into an existing project's codebook (owners only, like any codebook change)
 * or, without intoProjectId, becomes a new project holding just the codebook.
 */
export async function importQdc(ctx: ImportContext, bytes: Uint8Array, fileName: string, options: ImportQdcOptions = {}, progress = noProgress): Promise<ImportSummary> {
  const input = parse(importQdcSchema, { ...options, bytes, fileName });
  const limits = resolveLimits(input.limits);
  await progress(0, 2, `Reading ${input.fileName}`);
  checkUploadSize(input.bytes, input.fileName, limits);
  const kind = sniffFile(input.bytes);
  if (kind === "zip") throw new RefiFileError(input.fileName, "is a zip archive (a .qdpx project?), not a codebook (.qdc, an XML file); import it as a project.");
  if (kind !== "xml" && kind !== "other" && kind !== "utf16-text") throw new RefiFileError(input.fileName, `is really ${describeKind(kind)}, not a REFI-QDA codebook (.qdc).`);
  const codebook = await parseInWorker("qdc", { fileName: input.fileName, bytes: input.bytes, limits }, refiFile(input.fileName));
  await progress(1, 2, "Saving the codebook");
  if (input.intoProjectId) {
    const projectCtx = await authorizeProject(ctx.user, input.intoProjectId, "owner");
    return mergeCodebook(projectCtx, codebook, input.fileName);
  }
  const project = codebookProject(codebook, input.projectName ?? baseName(input.fileName), input.projectDescription ?? null);
  const plan = buildImportPlan(project, { texts: new Map(), skipped: new Map(), notes: new Map(), warnings: [] }, { fileName: input.fileName });
  return writeProjectImport(plan, ctx.user, input.fileName);
}

const refiFile = (fileName: string) => ({ fileName, refuse: (problem: string) => new RefiFileError(fileName, problem) });

function codebookProject(codebook: RefiCodebook, name: string, description: string | null): RefiProject {
  return {
    name,
    origin: codebook.origin,
    description,
    users: [],
    codes: codebook.codes,
    variables: [],
    cases: [],
    textSources: [],
    otherSources: [],
    notes: [],
    projectNoteRefs: [],
    ignored: { sets: codebook.sets, links: 0, graphs: 0 },
  };
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
  throw new AppError("VALIDATION", "Some of what was sent is not valid.", fieldErrors);
}
