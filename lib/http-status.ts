import type { ErrorCode } from "./errors";

const STATUS: Record<ErrorCode, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, INTERNAL: 500 };

/** The HTTP status for an error code, for route handlers. */
export const httpStatus = (code: ErrorCode) => STATUS[code];
