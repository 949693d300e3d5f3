import { AppError } from "../../errors";

/**
 * A caption file that cannot be read. It is a VALIDATION error (the user picked a file we
 * cannot use), and it names the line so they can open the file and see what is wrong.
 */
export class CaptionParseError extends AppError {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super("VALIDATION", `Line ${line}: ${problem}`);
    this.name = "CaptionParseError";
  }
}
