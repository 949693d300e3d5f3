import { CODE_NAME_MAX, CODE_TEXT_MAX } from "../../codes/schema";
import { CODING_MEMO_MAX } from "../../codings/schema";
import { CASE_NAME_MAX, DOCUMENT_TITLE_MAX } from "../../documents/import-schema";
import { RefiFileError } from "./errors";
import type { ImportWarning, WarningKind } from "./plan-types";

/**
 * An imported project obeys the limits of the app's own forms: a code name of 200 characters,
 * a definition of 5,000, and so on (the constants come from the form schemas, so the two
 * cannot drift apart). A longer text is shortened (ending "…") and the import summary says
 * which items were, rather than the whole file being refused: the file comes from another
 * tool, where a long description is legitimate, and refusing it would leave the user to edit
 * every item there before anything could be imported. The number of codes in one import is
 * capped (GROUNDED_MAX_CODES, default 20,000): past it the file is refused, since a cut
 * codebook would strand its codings.
 */
export const IMPORT_TEXT_LIMITS = {
  codeName: CODE_NAME_MAX,
  codeText: CODE_TEXT_MAX,
  caseName: CASE_NAME_MAX,
  caseDescription: CODE_TEXT_MAX,
  attributeName: 200,
  categoryValue: 200,
  documentTitle: DOCUMENT_TITLE_MAX,
  codingMemo: CODING_MEMO_MAX,
  userName: 200,
} as const;

export function maxImportCodes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.GROUNDED_MAX_CODES);
  return env.GROUNDED_MAX_CODES?.trim() && Number.isInteger(n) && n > 0 ? n : 20_000;
}

/** Refuses a codebook of more codes than one import may bring. */
export function checkCodeCount(count: number, fileName: string, max = maxImportCodes()): void {
  if (count > max) {
    throw new RefiFileError(
      fileName,
      `its codebook has ${count.toLocaleString("en")} codes, more than the ${max.toLocaleString("en")} one import may bring (GROUNDED_MAX_CODES on the server). Split the codebook, or ask the administrator to raise the limit.`,
    );
  }
}

/** `text` cut to at most `max` UTF-16 units (what the forms count), ending "…", never inside a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Shortens over-long texts and gathers one warning per kind of text (not one per item: a
 * file with 10,000 long descriptions must not make a summary of 10,000 lines), naming the
 * first few items.
 */
export class TextLimiter {
  private readonly cut = new Map<string, { kind: WarningKind; what: string; max: number; items: string[] }>();

  constructor(private readonly named = 5) {}

  /** `text`, shortened to `max` when longer, noting `item` (e.g. the code's name) under `what`. */
  fit(text: string, max: number, kind: WarningKind, what: string, item: string): string {
    if (text.length <= max) return text;
    const key = `${kind}\u0000${what}`;
    const entry = this.cut.get(key) ?? this.cut.set(key, { kind, what, max, items: [] }).get(key)!;
    entry.items.push(item);
    return shorten(text, max);
  }

  warnings(): ImportWarning[] {
    return [...this.cut.values()].map(({ kind, what, max, items }) => {
      const shown = items.slice(0, this.named).map((item) => `"${shorten(item, 60)}"`).join(", ");
      const more = items.length > this.named ? ` and ${items.length - this.named} more` : "";
      return { kind, message: `${items.length} ${what} longer than ${max.toLocaleString("en")} characters (the app's own limit) ${items.length === 1 ? "was" : "were"} shortened: ${shown}${more}.` };
    });
  }

  /** Appends the gathered warnings to `into`. */
  flush(into: ImportWarning[]): void {
    into.push(...this.warnings());
    this.cut.clear();
  }
}
