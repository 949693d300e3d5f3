import { toRefiPosition } from "../positions";
import type { TargetLayout } from "./export-targets";

/**
 * One document's text as a target tool gets it (sources/<guid>.txt) and the map from our
 * offsets (code points of the NFC, "\n" text: lib/transcripts/offsets.ts) to that tool's
 * positions. The text and the positions are made together, so they always agree: with CRLF
 * line ends, a tool that counts a CRLF as two characters gets positions that count both.
 * The importer reads such a file back with the same convention (lib/interop/positions.ts):
 * the tests prove every coding comes back on the same characters for every target.
 */
export type TargetSource = {
  text: string;
  /** The position of an offset in the target's counting; throws a RangeError outside the document. */
  position(offset: number): number;
};

export function targetSource(text: string, textLength: number, layout: TargetLayout): TargetSource {
  const crlfLines = layout.lineEnds === "crlf";
  const body = crlfLines ? text.replace(/\n/g, "\r\n") : text;
  const written = layout.bom === "none" ? body : `\uFEFF${body}`;
  const first = layout.bom === "counted" ? 1 : 0;
  const lineStep = crlfLines && layout.crlf === "two" ? 2 : 1;
  const astralStep = layout.unit === "utf16" ? 2 : 1;
  // Nothing in this text counts differently: positions are our offsets (the common case).
  const identity = first === 0 && (lineStep === 1 || !text.includes("\n")) && (astralStep === 1 || !/[\uD800-\uDBFF]/.test(text));
  if (identity) return { text: written, position: (offset) => toRefiPosition(offset, textLength) };

  const positions = new Int32Array(textLength + 1);
  let at = first;
  let i = 0;
  for (const char of text) {
    positions[i++] = at;
    at += char === "\n" ? lineStep : char.length === 2 ? astralStep : 1;
  }
  if (i !== textLength) throw new RangeError(`the document's textLength (${textLength}) is not its length in code points (${i})`);
  positions[i] = at;
  return { text: written, position: (offset) => positions[toRefiPosition(offset, textLength)] };
}

/** The length of a note's own text (PlainTextContent) in the target's unit. */
export function targetLength(text: string, layout: TargetLayout): number {
  return layout.unit === "utf16" ? text.length : Array.from(text).length;
}
