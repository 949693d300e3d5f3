import { AppError } from "../../errors";

/**
 * A REFI-QDA file we refuse. The message starts with the file's name and says what is wrong
 * in it, so a user importing several files knows which one to fix; nothing of the file has
 * been written when this is thrown (see mutations.ts: one transaction per import).
 */
export class RefiFileError extends AppError {
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super("VALIDATION", `${fileName}: ${problem}`);
    this.name = "RefiFileError";
  }
}
