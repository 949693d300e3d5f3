/** Limits of the correction form, shared by its zod schema and the browser (no zod there: the CSP refuses it). */
export const TURN_TEXT_MAX = 100_000;
export const SPEAKER_MAX = 120;
export const REASON_MAX = 500;
