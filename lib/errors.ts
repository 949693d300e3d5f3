/**
 * Errors are values with a code the UI understands. NOT_FOUND is also the answer for an
 * id of a project the caller is not a member of: never "forbidden", which would confirm
 * that the id exists.
 */
export type ErrorCode = "VALIDATION" | "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "RATE_LIMITED" | "INTERNAL";

export type ActionError = {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** With CONFLICT: the row as it is now, so the UI can show the fresh state. */
  current?: unknown;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = "That item") => new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);

/** Maps database errors to what the user should hear; the one place that knows Prisma's codes. */
export function toActionError(error: unknown): ActionError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.current !== undefined ? { current: error.current } : {}),
    };
  }
  const code = (error as { code?: string })?.code;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } } })?.meta
    ?.driverAdapterError?.cause;
  if (code === "P2002") return { code: "CONFLICT", message: "That already exists. Refresh to see the current state." };
  if (code === "P2025") return { code: "NOT_FOUND", message: "That item was not found; it may have been deleted." };
  if (code === "P2003") return { code: "NOT_FOUND", message: "Something it refers to was not found in this project." };
  // No database connection came free in time (many people writing at once).
  if (code === "P2028") return { code: "RATE_LIMITED", message: "The server is busy; nothing was saved. Try again in a moment." };
  // Two writers crossed (a deadlock PostgreSQL broke, or a serialization failure): one of them
  // was rolled back whole, so it can simply be tried again.
  if (code === "P2034" || cause?.originalCode === "40P01" || cause?.originalCode === "40001") {
    return { code: "CONFLICT", message: "Someone else changed this at the same moment; nothing was saved. Try again." };
  }
  if (cause?.originalCode === "23514") return { code: "VALIDATION", message: cause.originalMessage ?? "The database refused invalid data." };
  return { code: "INTERNAL", message: "Something went wrong on the server; nothing was changed. Try again." };
}
