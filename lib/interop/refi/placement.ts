import { buildPositionMap, describeConvention, type PositionConvention } from "../positions";
import { normalizeText } from "../../transcripts/offsets";
import { RefiFileError } from "./errors";
import type { RefiSelection } from "./model";
import { clip } from "./read-common";

/**
 * Places one source's selections on its normalized text, counted as the file's convention
 * says (import-positions.ts decides it once per file). Every selection is then mapped and
 * checked:
 *  - a position outside the text refuses the whole file (the file and its text disagree);
 *  - a span that had to be widened (it split a CRLF pair, an emoji or a composed letter),
 *    whose stored quotation differs from the text, or that starts or ends inside a word
 *    when there is no quotation to compare, is imported and listed as an issue.
 * Nothing is moved to make it fit: what the summary lists is what was stored. With an
 * alternative reading, each passage is also read that way, so the summary can show every
 * coding whose text depends on which reading is right.
 */
export type PlacedSelection = {
  selection: RefiSelection;
  start: number;
  end: number;
  quote: string;
  issues: string[];
  /** The text under the alternative reading, when it differs (null: that reading puts it outside the text). */
  alternative?: string | null;
};

export type Placement = {
  /** describeConvention of the convention used, for the summary. */
  convention: string;
  placed: PlacedSelection[];
  /** Selections that cover no character of the text. */
  empty: RefiSelection[];
};

export type Reading = {
  convention: PositionConvention;
  /** Whether the selections' names are quotations of the text (they matched it), to check each against. */
  quotesAreNames: boolean;
  alternative: PositionConvention | null;
};

export function placeSelections(raw: string, selections: RefiSelection[], where: { fileName: string; source: string }, reading: Reading): Placement {
  const normalized = normalizeText(raw);
  const map = buildPositionMap(raw, normalized, reading.convention);
  const other = reading.alternative && buildPositionMap(raw, normalized, reading.alternative);
  const codePoints = Array.from(normalized);
  const placed: PlacedSelection[] = [];
  const empty: RefiSelection[] = [];
  for (const selection of selections) {
    const { start, end } = selection;
    const label = `the selection ${selection.name ? `"${clip(selection.name)}" ` : ""}in source "${where.source}"`;
    if (start < 0 || end > map.length || start > map.length) {
      throw new RefiFileError(where.fileName, `${label} runs from ${start} to ${end}, beyond the end of its text (${map.length} characters, counted as ${describeConvention(reading.convention)}). The project file does not match its source.`);
    }
    if (end < start) throw new RefiFileError(where.fileName, `${label} ends (${end}) before it starts (${start}).`);
    const span = map.toSpan(start, end);
    if (span.start === span.end) {
      empty.push(selection);
      continue;
    }
    const quote = codePoints.slice(span.start, span.end).join("");
    const issues: string[] = [];
    if (!span.exact) issues.push("a bound fell inside a character (a CRLF line end, an emoji or a letter written in two parts); the passage was widened to whole characters");
    const quoted = reading.quotesAreNames && selection.name ? selection.name : null;
    if (quoted !== null && !quoteMatches(quoted, quote)) {
      issues.push(`the file quotes "${clip(quoted)}" but the text at its positions reads "${clip(quote)}"`);
    } else if (quoted === null) {
      if (insideWord(codePoints, span.start)) issues.push(`it starts inside a word ("${wordAround(codePoints, span.start)}")`);
      if (insideWord(codePoints, span.end)) issues.push(`it ends inside a word ("${wordAround(codePoints, span.end)}")`);
    }
    const result: PlacedSelection = { selection, start: span.start, end: span.end, quote, issues };
    if (other) {
      const inRange = end <= other.length;
      const alt = inRange ? other.toSpan(start, end) : null;
      const text = alt ? codePoints.slice(alt.start, alt.end).join("") : null;
      if (text !== quote) result.alternative = text;
    }
    placed.push(result);
  }
  return { convention: describeConvention(reading.convention), placed, empty };
}

const MIN_PREFIX = 5;

/**
 * Whether a stored quotation is the selected text. Names are made for display: whitespace
 * may be folded and long ones cut, with or without an ellipsis; a cut one must keep a few
 * characters (the same rule detectConvention uses to count evidence).
 */
export function quoteMatches(quote: string, selected: string): boolean {
  const fold = (text: string) => normalizeText(text).replace(/\s+/g, " ").trim();
  const q = fold(quote);
  const s = fold(selected);
  if (q === "") return false;
  if (q === s) return true;
  const cut = q.replace(/(?:…|\.\.\.)$/, "").trimEnd();
  return Array.from(cut).length >= MIN_PREFIX && s.startsWith(cut);
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

function insideWord(codePoints: string[], offset: number): boolean {
  return isWordChar(codePoints[offset - 1]) && isWordChar(codePoints[offset]);
}

function wordAround(codePoints: string[], offset: number): string {
  let from = offset;
  let to = offset;
  while (from > 0 && isWordChar(codePoints[from - 1]) && offset - from < 30) from--;
  while (to < codePoints.length && isWordChar(codePoints[to]) && to - offset < 30) to++;
  return `${codePoints.slice(from, offset).join("")}|${codePoints.slice(offset, to).join("")}`;
}
