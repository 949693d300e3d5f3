import { AppError, type ErrorCode } from "./errors";

const STATUS: Record<ErrorCode, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, INTERNAL: 500 };

/** The HTTP status for an error code, for route handlers. */
export const httpStatus = (code: ErrorCode) => STATUS[code];

/** A JSON field of a multipart form, or a VALIDATION error naming it. */
export function readJsonField(form: FormData, name: string): object {
  try {
    const value: unknown = JSON.parse(String(form.get(name) ?? ""));
    if (value && typeof value === "object") return value;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", `The ${name} sent with the upload are not valid JSON.`);
}
