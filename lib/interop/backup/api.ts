import type { z } from "zod";
import type { CurrentUser } from "../../auth/session";
import { AppError, toActionError } from "../../errors";
import { resolveLimits, type RefiLimits } from "../refi/limits";
import { parseInWorker } from "../../workers/parse";
import { checkUploadSize } from "../refi/archive";
import { loadBackupData } from "./data";
import { BackupFileError } from "./errors";
import { buildBackupArchive } from "./export";
import { writeRestore } from "./restore";
import { exportBackupSchema, restoreBackupSchema } from "./schema";
import { backupSigningKey } from "./signature";
import type { RestoreSummary } from "./summary";

/**
 * Backup and restore of a whole project (schema.ts has the archive's layout). These check
 * their inputs but not who calls them: access.ts adds the access rules for the app, the
 * scripts (backup.ts, restore.ts) call them directly. A refused archive is a BackupFileError
 * naming the file and the problem, and nothing has been written.
 */

/** Steps done, steps in all, what is being done: for a background job's progress. */
export type RestoreProgressReporter = (done: number, total: number, step: string) => Promise<void>;

export const RESTORE_STEPS = 6;

export async function exportBackup(projectId: string, options: { now?: Date; key?: Buffer | null } = {}): Promise<Uint8Array> {
  const input = parse(exportBackupSchema, { projectId });
  const loaded = await loadBackupData(input.projectId);
  return buildBackupArchive(loaded, { now: options.now ?? new Date(), key: options.key === undefined ? backupSigningKey() : options.key });
}

export type RestoreOptions = {
  limits?: Partial<RefiLimits>;
  /** Match people by e-mail even in an archive this server did not sign: for the command line, run by whoever runs the server. */
  trustArchive?: boolean;
  key?: Buffer | null;
};

/** A backup archive becomes a new project owned by `user`. */
export async function restoreBackup(user: CurrentUser, bytes: Uint8Array, fileName: string, options: RestoreOptions = {}, progress: RestoreProgressReporter = async () => {}): Promise<RestoreSummary> {
  const input = parse(restoreBackupSchema, { bytes, fileName });
  await progress(0, RESTORE_STEPS, `Unpacking ${input.fileName}`);
  const limits = resolveLimits(options.limits);
  checkUploadSize(input.bytes, input.fileName, limits);
  // Unpacked, checked and parsed in the parse worker, within its memory and time limits.
  const opened = await parseInWorker(
    "backup",
    { fileName: input.fileName, bytes: input.bytes, limits, key: options.key === undefined ? backupSigningKey() : options.key },
    { fileName: input.fileName, refuse: (problem) => new BackupFileError(input.fileName, problem) },
  );
  await progress(1, RESTORE_STEPS, "Checked what the backup refers to");
  try {
    return await writeRestore(
      opened.data,
      opened.texts,
      user,
      { fileName: input.fileName, backupCreatedAt: opened.manifest.createdAt, matchAccounts: opened.signed || options.trustArchive === true, signed: opened.signed },
      (done, step) => progress(done, RESTORE_STEPS, step),
    );
  } catch (error) {
    throw refusedByDatabase(error, input.fileName);
  }
}

// The checks above cannot foresee every rule the database keeps (a quote that does not match
// its text, two cases of one name); a refusal of the data is the archive's fault, said so.
function refusedByDatabase(error: unknown, fileName: string): unknown {
  if (error instanceof AppError) return error;
  const mapped = toActionError(error);
  if (mapped.code === "CONFLICT") return new BackupFileError(fileName, "holds two rows the project can only have once (a duplicate case, attribute or coding); the archive was edited or is damaged, and nothing was restored.");
  if (mapped.code === "VALIDATION" || mapped.code === "NOT_FOUND") return new BackupFileError(fileName, `holds data the database refuses (${mapped.message}); the archive was edited or is damaged, and nothing was restored.`);
  return error;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
  throw new AppError("VALIDATION", "Some of what was sent is not valid.", fieldErrors);
}
