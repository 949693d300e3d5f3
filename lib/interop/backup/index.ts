/**
 * Backup and restore of a whole project: one zip archive that is also a REFI-QDA .qdpx, plus
 * backup.json with what REFI-QDA cannot carry (schema.ts). Routes use access.ts; scripts api.ts.
 */
export { exportBackup, restoreBackup, RESTORE_STEPS, type RestoreOptions } from "./api";
export { runExportBackup, runStartRestore, type BackupFile } from "./access";
export { BackupFileError } from "./errors";
export { BACKUP_FORMAT, BACKUP_VERSION } from "./schema";
export type { RestoreSummary, RestoredUser } from "./summary";
