import { AppError } from "../errors";
import { normalizeText } from "../transcripts/offsets";
import { alignNfc, type NfcAlignment } from "./nfc-alignment";

/**
 * REFI-QDA selection positions <-> Grounded offsets. The one place that knows how
 * producers count.
 *
 * The standard says PlainTextSelection positions count "characters" of the plain-text
 * source (sources/*.txt in a .qdpx). Producers read that differently: Unicode code points
 * or UTF-16 code units (.NET, Java, JavaScript); a CRLF as one character or two; a leading
 * byte order mark counted or not. The source may also be stored decomposed (NFD, common
 * from macOS) while our documents are NFC. Import therefore takes the raw source text, a
 * counting convention, and maps each position the producer could mean onto a code point
 * offset of normalizeText(raw) (see lib/transcripts/offsets.ts).
 *
 * Decode the .txt with `new TextDecoder("utf-8", { ignoreBOM: true })` so a BOM stays in
 * `raw` as U+FEFF: bom "counted" then means the producer's position 0 is before it. Without a
 * BOM in `raw` the bom setting changes nothing.
 *
 * Export is the identity: we write each document's text ourselves, already NFC with "\n"
 * and no BOM, so our code point offsets are the positions in that file, counted in
 * REFI_POSITION_UNIT, the unit the standard's "characters" most plainly means.
 */

export type PositionUnit = "codepoint" | "utf16";
export type PositionConvention = { unit: PositionUnit; crlf: "one" | "two"; bom: "counted" | "not-counted" };

/** The unit of the positions we write into exported .qdpx files. */
export const REFI_POSITION_UNIT = "codepoint" as const satisfies PositionUnit;
/** How our exported sources are counted (they hold no CR and no BOM, so only the unit matters). */
export const EXPORT_CONVENTION: PositionConvention = { unit: REFI_POSITION_UNIT, crlf: "two", bom: "not-counted" };

/**
 * Every convention, most plausible first; detection falls back on this order when the
 * evidence ties: the standard's "characters" read literally (code points, CRLF as the two
 * characters in the file, a BOM not being text), then the UTF-16 counting of .NET/Java tools.
 */
export const CONVENTIONS: readonly PositionConvention[] = (["codepoint", "utf16"] as const).flatMap((unit) =>
  (["two", "one"] as const).flatMap((crlf) => (["not-counted", "counted"] as const).map((bom) => ({ unit, crlf, bom }))),
);

export type MappedPosition = {
  /** Code point offset in the normalized text; inside a character, the offset before it. */
  offset: number;
  /** False inside a CRLF pair, a surrogate pair, or a combining sequence NFC composed. */
  exact: boolean;
};

export type PositionMap = {
  convention: PositionConvention;
  /** Positions run from 0 to length (the raw text's length in the convention's characters). */
  length: number;
  toOffset(position: number): MappedPosition;
  /** A selection: an inexact start rounds down and an inexact end up, so it keeps whole characters. */
  toSpan(start: number, end: number): { start: number; end: number; exact: boolean };
};

/** A selection the source text cannot hold: the project file and its source disagree. */
export class PositionRangeError extends AppError {
  constructor(
    readonly position: number,
    readonly length: number,
    convention: PositionConvention,
    problem = `Selection position ${position} is outside the source text`,
  ) {
    super("VALIDATION", `${problem}, which has ${length} characters (${describeConvention(convention)}). The project file may not match its source text.`);
    this.name = "PositionRangeError";
  }
}

export function describeConvention(convention: PositionConvention): string {
  const unit = convention.unit === "codepoint" ? "Unicode code points" : "UTF-16 code units";
  const crlf = convention.crlf === "one" ? "a CRLF counted once" : "a CRLF counted twice";
  const bom = convention.bom === "counted" ? "the byte order mark counted" : "the byte order mark not counted";
  return `${unit}, ${crlf}, ${bom}`;
}

export function buildPositionMap(raw: string, normalized: string, convention: PositionConvention): PositionMap {
  return mapWith(raw, convention, alignFor(raw, normalized));
}

// The NFC step of normalizeText, position by position. The input is what normalizeText
// hands to NFC: no BOM, every line end "\n".
function alignFor(raw: string, normalized: string): NfcAlignment {
  if (normalizeText(raw) !== normalized) throw new Error("positions: `normalized` must be normalizeText(raw)");
  const nfc = alignNfc(raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  if (nfc.normalized !== normalized) throw new Error("positions: the NFC alignment does not rebuild the normalized text");
  return nfc;
}

// Pass 1: producer positions -> code point boundaries of the folded text. Pass 2 (the NFC
// alignment, the same for every convention): those -> offsets in the normalized text.
function mapWith(raw: string, convention: PositionConvention, nfc: NfcAlignment): PositionMap {
  // At most one position per UTF-16 unit of raw, plus the end.
  const foldedAt = new Int32Array(raw.length + 1);
  const exactAt = new Uint8Array(raw.length + 1);
  let positions = 0;
  let folded = 0;
  const mark = (exact: 0 | 1) => {
    foldedAt[positions] = folded;
    exactAt[positions] = exact;
    positions++;
  };
  let i = 0;
  if (raw.charCodeAt(0) === 0xfeff) {
    if (convention.bom === "counted") mark(1);
    i = 1;
  }
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    mark(1);
    if (code === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      if (convention.crlf === "two") mark(0);
      i += 2;
    } else if (isHighSurrogate(code) && isLowSurrogate(raw.charCodeAt(i + 1))) {
      if (convention.unit === "utf16") mark(0);
      i += 2;
    } else {
      i++;
    }
    folded++;
  }
  mark(1);
  if (folded + 1 !== nfc.offsets.length) throw new Error("positions: line-end folding disagrees with normalizeText");

  const length = positions - 1;
  const offsets = new Int32Array(length + 1);
  const exact = new Uint8Array(length + 1);
  for (let p = 0; p <= length; p++) {
    offsets[p] = nfc.offsets[foldedAt[p]];
    exact[p] = exactAt[p] & nfc.exact[foldedAt[p]];
  }

  const check = (position: number) => {
    if (!Number.isInteger(position) || position < 0 || position > length) throw new PositionRangeError(position, length, convention);
  };
  return {
    convention,
    length,
    toOffset(position) {
      check(position);
      return { offset: offsets[position], exact: exact[position] === 1 };
    },
    toSpan(start, end) {
      check(start);
      check(end);
      if (end < start) throw new PositionRangeError(end, length, convention, `Selection ends (${end}) before it starts (${start}) in a source text`);
      let after = end;
      while (exact[after] === 0) after++;
      return { start: offsets[start], end: offsets[after], exact: exact[start] === 1 && exact[end] === 1 };
    },
  };
}

/**
 * Export: our offset is the REFI position (see the top of this file). `documentLength` is
 * the document's length in code points; an offset outside it is a bug upstream, not a
 * user's mistake, so it throws a RangeError.
 */
export function toRefiPosition(offset: number, documentLength: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > documentLength) {
    throw new RangeError(`offset ${offset} is outside the document (${documentLength} code points)`);
  }
  return offset;
}

export type SelectionEvidence = {
  start: number;
  end: number;
  /** The selected text as the producer recorded it, if it did (often as the selection's name). */
  quote?: string | null;
};

export type ConventionScore = {
  convention: PositionConvention;
  quotesMatched: number;
  outOfRange: number;
  /** Bounds that fall inside a word, a CRLF pair, a surrogate pair or a composed sequence. */
  misplacedBounds: number;
  /** A hash of every span this convention places: equal signatures, equal passages. */
  signature?: number;
};

export type ConventionGuess = {
  convention: PositionConvention;
  /** What decided: matching quotes, where the bounds fall, or nothing (the default order). */
  evidence: "quotes" | "bounds" | "default";
  /** One per convention that makes a difference for this text, best first. */
  scores: ConventionScore[];
};

/**
 * The most plausible convention for one source's selections: the one under which most
 * quotes match the text; failing that (no quotes, or names that are not quotes, such as
 * qc's "line:6"), the one with fewest selections out of range and fewest bounds inside a
 * word or a character. Conventions that cannot differ for this text (no CRLF, no astral
 * character, no BOM) are not tried: the first of their group stands for it.
 */
export function detectConvention(raw: string, normalized: string, selections: SelectionEvidence[]): ConventionGuess {
  const features = textFeatures(raw);
  const relevant = CONVENTIONS.filter(
    (c) => (features.astral || c.unit === "codepoint") && (features.crlf || c.crlf === "two") && (features.bom || c.bom === "not-counted"),
  );
  const nfc = alignFor(raw, normalized);
  const codePoints = Array.from(normalized);
  const scores = relevant.map((convention) => {
    const { signature: _signature, ...score } = scoreConvention(mapWith(raw, convention, nfc), codePoints, selections);
    return score;
  });
  const order = (a: ConventionScore, b: ConventionScore) =>
    b.quotesMatched - a.quotesMatched || a.outOfRange - b.outOfRange || a.misplacedBounds - b.misplacedBounds;
  const ranked = [...scores].sort(order); // stable: ties keep CONVENTIONS' order
  const best = ranked[0];
  const evidence = best.quotesMatched > 0 ? "quotes" : ranked.some((s) => order(s, best) !== 0) ? "bounds" : "default";
  return { convention: best.convention, evidence, scores: ranked };
}

/** What in a text lets conventions differ: a BOM, a CRLF, a character outside the BMP. */
export type TextFeatures = { bom: boolean; crlf: boolean; astral: boolean };

export function textFeatures(raw: string): TextFeatures {
  return { bom: raw.charCodeAt(0) === 0xfeff, crlf: raw.includes("\r\n"), astral: /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw) };
}

/** Whether two conventions map every position of a text with these features alike. */
export function sameReading(features: TextFeatures, a: PositionConvention, b: PositionConvention): boolean {
  return (!features.astral || a.unit === b.unit) && (!features.crlf || a.crlf === b.crlf) && (!features.bom || a.bom === b.bom);
}

/**
 * The score of every convention in CONVENTIONS, in that order, for one source (for pooling
 * the evidence of a whole file). Conventions that read this text alike share one computation.
 */
export function scoreConventions(raw: string, normalized: string, selections: SelectionEvidence[]): ConventionScore[] {
  const features = textFeatures(raw);
  const nfc = alignFor(raw, normalized);
  const codePoints = Array.from(normalized);
  const done: ConventionScore[] = [];
  return CONVENTIONS.map((convention) => {
    const twin = done.find((score) => sameReading(features, score.convention, convention));
    const score = twin ? { ...twin, convention } : scoreConvention(mapWith(raw, convention, nfc), codePoints, selections);
    if (!twin) done.push(score);
    return score;
  });
}

function scoreConvention(map: PositionMap, codePoints: string[], selections: SelectionEvidence[]): ConventionScore {
  const score: ConventionScore = { convention: map.convention, quotesMatched: 0, outOfRange: 0, misplacedBounds: 0 };
  // FNV-1a over the placed spans (-1 for one out of range).
  let hash = 0x811c9dc5;
  const mix = (n: number) => {
    hash = Math.imul(hash ^ (n & 0xffff), 0x01000193);
    hash = Math.imul(hash ^ (n >>> 16), 0x01000193);
  };
  for (const selection of selections) {
    if (!inRange(map, selection.start) || !inRange(map, selection.end) || selection.end < selection.start) {
      score.outOfRange++;
      mix(-1);
      continue;
    }
    const start = map.toOffset(selection.start);
    const end = map.toOffset(selection.end);
    for (const bound of [start, end]) {
      if (!bound.exact || (isWordChar(codePoints[bound.offset - 1]) && isWordChar(codePoints[bound.offset]))) score.misplacedBounds++;
    }
    const span = map.toSpan(selection.start, selection.end);
    mix(span.start);
    mix(span.end);
    if (selection.quote && quoteMatches(selection.quote, codePoints.slice(span.start, span.end).join(""))) score.quotesMatched++;
  }
  score.signature = hash >>> 0;
  return score;
}

function inRange(map: PositionMap, position: number): boolean {
  return Number.isInteger(position) && position >= 0 && position <= map.length;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

const MIN_PREFIX = 5;

// Names are quotes made for display: whitespace may be folded and long ones cut, with or
// without an ellipsis. A cut quote must keep a few characters to count as evidence.
function quoteMatches(quote: string, selected: string): boolean {
  const fold = (text: string) => normalizeText(text).replace(/\s+/g, " ").trim();
  const q = fold(quote);
  const s = fold(selected);
  if (q === "") return false;
  if (q === s) return true;
  const cut = q.replace(/(?:…|\.\.\.)$/, "").trimEnd();
  return Array.from(cut).length >= MIN_PREFIX && s.startsWith(cut);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
