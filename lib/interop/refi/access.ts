import { authorizeProject, runProjectAction, runSignedIn } from "../../auth/project-access";
import type { CurrentUser } from "../../auth/session";
import { db } from "../../db/client";
import type { ActionResult } from "../../errors";
import { startJob, type StartedJob } from "../../jobs/runner";
import { readScope } from "../../rigour/blind";
import { exportCodebookQdc, exportProjectQdpx, importQdc, importQdpx } from "./api";
import { checkArchiveLimits } from "./archive";
import { DEFAULT_EXPORT_TARGET, TARGET_LAYOUTS } from "./export-targets";
import { REFI_IMPORT_LIMITS } from "./limits";
import { exportQdpxSchema, exportSchema, importQdcRequestSchema, importQdpxRequestSchema } from "./schema";
import type { ImportSummary } from "./summary";

/**
 * The REFI-QDA API behind the same rules as every other action, for route handlers and
 * server actions (which pass getCurrentUser()): exports need membership of the project (a
 * viewer may download what they can read); an import into a new project needs only a
 * signed-in user, who owns the result; a codebook merge needs the project's owner (api.ts).
 * Answers are ActionResults: NOT_FOUND for a project the caller is not in, VALIDATION with
 * the file's name for a refused file.
 */
export type ExportedFile<T> = { fileName: string; contentType: string; data: T };

export function runExportQdpx(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<ExportedFile<Uint8Array>>> {
  return runProjectAction(user, exportQdpxSchema, "viewer", async (ctx, input) => ({
    fileName: `${await fileStem(ctx.projectId)}${input.target === DEFAULT_EXPORT_TARGET ? "" : ` for ${TARGET_LAYOUTS[input.target].tool}`}.qdpx`,
    contentType: "application/zip",
    // What the reader may see only: blind coding and other people's e-mails (export-scope.ts).
    data: await exportProjectQdpx(ctx.projectId, await readScope(ctx.projectId, { id: ctx.user.id, role: ctx.role }), input.target),
  }), rawInput);
}

export function runExportQdc(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<ExportedFile<string>>> {
  return runProjectAction(user, exportSchema, "viewer", async (ctx) => ({
    fileName: `${await fileStem(ctx.projectId)} codebook.qdc`,
    contentType: "application/xml",
    data: await exportCodebookQdc(ctx.projectId),
  }), rawInput);
}

export function runImportQdpx(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<ImportSummary>> {
  return runSignedIn(user, importQdpxRequestSchema, (me, input) => importQdpx({ user: me }, input.bytes, input.fileName, { projectName: input.projectName }), rawInput);
}

export function runImportQdc(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<ImportSummary>> {
  return runSignedIn(
    user,
    importQdcRequestSchema,
    (me, input) => importQdc({ user: me }, input.bytes, input.fileName, { intoProjectId: input.intoProjectId, projectName: input.projectName }),
    rawInput,
  );
}

/**
 * The same imports as a background job (lib/jobs): the request is checked (signed in, a
 * file, an owner of the project a codebook merges into) and answered with the job at once;
 * unpacking, reading, placing and the one-transaction write follow as the job's steps.
 */
export function runStartRefiImport(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<StartedJob>> {
  return runSignedIn(user, importQdcRequestSchema, async (me, input) => {
    const codebook = input.fileName.toLowerCase().endsWith(".qdc");
    const intoProjectId = codebook ? input.intoProjectId : undefined;
    if (intoProjectId) await authorizeProject(me, intoProjectId, "owner");
    // Over the size limits (a zip bomb among them): answered now, without a job.
    checkArchiveLimits(input.bytes, input.fileName, REFI_IMPORT_LIMITS);
    const label = codebook && intoProjectId ? `Merging the codebook ${input.fileName}` : `Importing ${input.fileName}`;
    return startJob({ userId: me.id, projectId: intoProjectId ?? null, kind: "refi.import", label, total: codebook ? 2 : 4, step: "Waiting to start" }, async (job) => {
      const progress = (done: number, total: number, step: string) => job.report({ done, total, step });
      const summary = codebook
        ? await importQdc({ user: me }, input.bytes, input.fileName, { intoProjectId, projectName: input.projectName, projectDescription: input.projectDescription }, progress)
        : await importQdpx({ user: me }, input.bytes, input.fileName, { projectName: input.projectName, weakPositions: input.weakPositions }, progress);
      if (summary.mode === "awaiting-confirmation") {
        return { message: `Nothing imported yet: the positions in ${input.fileName} can be read two ways. Compare the passages and confirm the import.`, href: null, details: summary };
      }
      const message = summary.mode === "codebook-merge" ? `Merged the codebook ${input.fileName} into ${summary.projectName}.` : `Imported ${input.fileName} as the project ${summary.projectName}.`;
      return { message, href: `/projects/${summary.projectId}`, details: summary };
    });
  }, rawInput);
}

// A file name from the project's name: letters, digits, spaces and a few marks.
async function fileStem(projectId: string): Promise<string> {
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  return project.name.replace(/[^\p{L}\p{N} ._()-]+/gu, " ").replace(/\s+/g, " ").trim().slice(0, 100) || "project";
}
