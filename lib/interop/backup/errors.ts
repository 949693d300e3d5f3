import { AppError } from "../../errors";

/**
 * A backup archive we refuse. The message starts with the file's name and says what is
 * wrong with it; nothing has been written when this is thrown (restore.ts writes in one
 * transaction, after every check).
 */
export class BackupFileError extends AppError {
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super("VALIDATION", `${fileName}: ${problem}`);
    this.name = "BackupFileError";
  }
}
