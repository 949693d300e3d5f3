import { codePointIndex } from "../transcripts/offsets";
import type { ReferenceCoding } from "./files";

/**
 * The demo's reference coding quotes each passage instead of giving offsets, so the files
 * stay readable and survive edits to the transcripts elsewhere. Here each quote becomes a
 * code point span of the normalized text, or the load stops: a passage that cannot be
 * placed exactly is a broken data file, never something to skip.
 */

export type Coder = "A" | "B";

export type ResolvedCoding = {
  code: string;
  coder: Coder;
  /** Code point offsets in the document text. */
  start: number;
  end: number;
  quote: string;
  memo: string;
};

export class PassageError extends Error {
  constructor(
    readonly caseName: string,
    readonly passage: string,
    reason: string,
  ) {
    super(`${caseName}: ${reason}: "${passage}"`);
    this.name = "PassageError";
  }
}

/** UTF-16 indices of every occurrence of `passage`, overlapping ones included. */
export function occurrencesOf(text: string, passage: string): number[] {
  const found: number[] = [];
  if (passage.length === 0) return found;
  for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + 1)) found.push(at);
  return found;
}

export function resolveReferenceCoding(caseName: string, text: string, codings: ReferenceCoding[]): ResolvedCoding[] {
  const index = codePointIndex(text);
  const seen = new Set<string>();
  const resolved: ResolvedCoding[] = [];
  codings.forEach((entry, i) => {
    // The passages come from JSON typed by people: compare in the same normal form as the text.
    const quote = entry.text.normalize("NFC");
    const label = `coding ${i + 1} (${entry.code})`;
    const found = occurrencesOf(text, quote);
    if (found.length === 0) throw new PassageError(caseName, quote, `${label}: passage not found in the transcript`);
    if (entry.occurrence === undefined && found.length > 1) {
      throw new PassageError(caseName, quote, `${label}: passage occurs ${found.length} times; say which with "occurrence"`);
    }
    const occurrence = entry.occurrence ?? 1;
    if (occurrence > found.length) {
      throw new PassageError(caseName, quote, `${label}: occurrence ${occurrence} asked for, but the passage occurs ${found.length} time(s)`);
    }
    const at = found[occurrence - 1];
    const start = index.toCodePoint(at);
    const end = index.toCodePoint(at + quote.length);
    for (const coder of new Set(entry.coders)) {
      const key = `${coder}\u0000${entry.code}\u0000${start}\u0000${end}`;
      // The database allows one coding per coder, code and span; say which entry repeats.
      if (seen.has(key)) throw new PassageError(caseName, quote, `${label}: coder ${coder} already has this code on this passage`);
      seen.add(key);
      resolved.push({ code: entry.code, coder, start, end, quote, memo: entry.memo ?? "" });
    }
  });
  return resolved;
}
