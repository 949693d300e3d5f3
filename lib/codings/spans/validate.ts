import { codePointLength, sliceByCodePoints } from "../../transcripts/offsets";

/**
 * The one check of a passage's bounds, run in the browser before saving (to say at once
 * what is wrong) and on the server before writing (where it is the rule; the database's
 * span check and trigger are the last line). Messages are for the analyst; `field` lets a
 * form or an action's fieldErrors point at the bound at fault.
 */

export type SpanCheck = { ok: true } | { ok: false; field: "start" | "end"; message: string };

export function validateSpan(textLength: number, start: number, end: number): SpanCheck {
  if (!isWholeNumber(start)) return { ok: false, field: "start", message: "The passage start must be a whole number of 0 or more." };
  if (!isWholeNumber(end)) return { ok: false, field: "end", message: "The passage end must be a whole number of 0 or more." };
  if (start === end) return { ok: false, field: "end", message: "The passage is empty: select at least one character to code." };
  if (start > end) return { ok: false, field: "start", message: "The passage start must be before its end." };
  if (end > textLength) return { ok: false, field: "end", message: "The passage ends after the end of the transcript." };
  return { ok: true };
}

/**
 * The text a coding quotes, as PostgreSQL's substr would cut it: what a coding stores as
 * its quote, and what the database compares it with. Throws a RangeError with the analyst's
 * message when the span is not a passage of this text.
 */
export function quoteAt(text: string, start: number, end: number): string {
  const check = validateSpan(codePointLength(text), start, end);
  if (!check.ok) throw new RangeError(check.message);
  return sliceByCodePoints(text, start, end);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
