import { runProjectAction, runSignedIn } from "../../auth/project-access";
import type { CurrentUser } from "../../auth/session";
import { db } from "../../db/client";
import type { ActionResult } from "../../errors";
import { startJob, type StartedJob } from "../../jobs/runner";
import { REFI_IMPORT_LIMITS } from "../refi/limits";
import { exportBackup, RESTORE_STEPS, restoreBackup } from "./api";
import { checkBackupLimits } from "./archive";
import { exportBackupSchema, restoreBackupSchema } from "./schema";

/**
 * Backups behind the access rules: only an owner downloads a project's backup (it holds
 * every member's e-mail and work, blind codings included, more than a viewer may see);
 * any signed-in user may restore one, as a new project they own, in the background.
 */
export type BackupFile = { fileName: string; contentType: string; data: Uint8Array };

export function runExportBackup(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<BackupFile>> {
  return runProjectAction(user, exportBackupSchema, "owner", async (ctx) => {
    const project = await db().project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { name: true } });
    const stem = project.name.replace(/[^\p{L}\p{N} ._()-]+/gu, " ").replace(/\s+/g, " ").trim().slice(0, 100) || "project";
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `${stem} backup ${day}.zip`, contentType: "application/zip", data: await exportBackup(ctx.projectId) };
  }, rawInput, true); // reading: an archived project can be backed up
}

export function runStartRestore(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<StartedJob>> {
  return runSignedIn(user, restoreBackupSchema, (me, input) => {
    // Over the size limits (a zip bomb among them): answered now, without a job.
    checkBackupLimits(input.bytes, input.fileName, REFI_IMPORT_LIMITS);
    return startJob({ userId: me.id, projectId: null, kind: "backup.restore", label: `Restoring ${input.fileName}`, total: RESTORE_STEPS, step: "Waiting to start" }, async (job) => {
      const summary = await restoreBackup(me, input.bytes, input.fileName, {}, (done, total, step) => job.report({ done, total, step }));
      return { message: `Restored ${input.fileName} as the project ${summary.projectName}.`, href: `/projects/${summary.projectId}`, details: summary };
    });
  }, rawInput);
}
