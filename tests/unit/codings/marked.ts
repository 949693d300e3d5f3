import { codePointLength } from "../../../lib/transcripts/offsets";

/**
 * Test texts with the selection marked inline: "The in⟦terv⟧iew" is the text "The interview"
 * with [start, end) around "terv", in code points. A lone "|" marks a caret instead.
 */
export function marked(source: string): { text: string; start: number; end: number } {
  const open = source.indexOf("⟦");
  const close = source.indexOf("⟧");
  if (open >= 0 && close > open) {
    const text = source.replace("⟦", "").replace("⟧", "");
    return { text, start: codePointLength(source.slice(0, open)), end: codePointLength(source.slice(0, close)) - 1 };
  }
  const caret = source.indexOf("|");
  if (caret < 0) throw new Error(`no selection or caret marked in ${source}`);
  const offset = codePointLength(source.slice(0, caret));
  return { text: source.replace("|", ""), start: offset, end: offset };
}

/** The inverse: the text with the span marked, to compare results readably. */
export function mark(text: string, start: number, end: number): string {
  const chars = [...text];
  if (start === end) return [...chars.slice(0, start), "|", ...chars.slice(start)].join("");
  return [...chars.slice(0, start), "⟦", ...chars.slice(start, end), "⟧", ...chars.slice(end)].join("");
}
