/**
 * Limits the codebook's forms need in the browser. Client components import these, not the zod
 * schemas (zod probes for eval, which the CSP refuses); lib/codes/schema.ts uses the same values.
 */
export const CODE_NAME_LIMIT = 200;
export const CODE_TEXT_LIMIT = 5000;
export const SHORTCUT_PATTERN = "[0-9a-z]";
export type ShiftDirection = "up" | "down" | "indent" | "outdent";
