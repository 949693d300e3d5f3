import { composite, contrastRatio, parseHex, toHex, type Rgb } from "@/lib/codings/spans/colour";

/**
 * How the transcript tells codes apart without colour: a short label per code (as MAXQDA and
 * ATLAS.ti print beside their margin bars), a line pattern per code for its bar and its
 * underline, and colours adjusted for WCAG AA (bars and swatches at least 3:1 against the page,
 * label text at least 4.5:1 against its tint). Pure, so the rules are tested on their own.
 */

export const PATTERNS = ["solid", "dashed", "dotted", "double"] as const;
export type Pattern = (typeof PATTERNS)[number];

/** What a code looks like in the margin, the legend and the text. */
export type CodeMark = { label: string; pattern: Pattern; bar: string; tint: string; text: string };

const MAX_LABEL = 10;
const WHITE = parseHex("#ffffff")!;
const BLACK = parseHex("#000000")!;
const DARK_TEXT = parseHex("#111827")!;
const FALLBACK = parseHex("#64748b")!;
// A label is a pale tint of its code under dark text, whatever the code's colour: white text on
// a yellow or lime code would be unreadable.
const TINT_ALPHA = 0.18;
export const MIN_GRAPHIC_CONTRAST = 3;
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * A code name cut to a margin label: whole if short; else the first word and the initials of
 * the others if that is short enough ("Cost versus value" -> "Cost v. v."); else the name cut
 * with an ellipsis ("Productiv…"). The full name is a hover or a legend away.
 */
export function abbreviate(name: string): string {
  const clean = name.trim().replace(/\s+/g, " ");
  const chars = [...clean];
  if (chars.length <= MAX_LABEL) return clean;
  const [head, ...rest] = clean.split(" ");
  const initials = [head, ...rest.filter((w) => /[\p{L}\p{N}]/u.test(w)).map((w) => `${[...w][0]}.`)].join(" ");
  if (rest.length > 0 && [...initials].length <= MAX_LABEL) return initials;
  return `${chars.slice(0, MAX_LABEL - 1).join("").trimEnd()}…`;
}

/**
 * Labels for the codes in view, distinct from each other: two codes whose abbreviations
 * coincide get a number each ("Cost v. v. 1", "Cost v. v. 2"), in the order given.
 */
export function labelCodes(codes: readonly { id: string; name: string }[]): Map<string, string> {
  const byLabel = new Map<string, string[]>();
  for (const code of codes) {
    const label = abbreviate(code.name);
    byLabel.set(label, [...(byLabel.get(label) ?? []), code.id]);
  }
  const labels = new Map<string, string>();
  for (const [label, ids] of byLabel) ids.forEach((id, i) => labels.set(id, ids.length === 1 ? label : `${label} ${i + 1}`));
  return labels;
}

/**
 * A pattern per code, so that codes whose codings overlap differ by pattern as well as by
 * colour. Codes are taken in the order given (most used first, say); each gets its turn in the
 * cycle of patterns unless codes it overlaps already have it, else the pattern it shares with
 * the fewest overlapping passages (greedy graph colouring, weighted by how often two codes
 * meet). Four patterns separate any four codes over one passage; in a whole interview one code
 * may meet ten others, so a rare pair can share one: the text then draws the second line in
 * another style (turn-painter.ts), and labels always differ.
 */
export function assignPatterns(codeIds: readonly string[], codings: readonly { codeId: string; start: number; end: number }[]): Map<string, Pattern> {
  const meets = new Map<string, Map<string, number>>(codeIds.map((id) => [id, new Map()]));
  const meet = (a: string, b: string) => {
    const row = meets.get(a);
    if (row) row.set(b, (row.get(b) ?? 0) + 1);
  };
  const sorted = [...codings].sort((a, b) => a.start - b.start);
  let open: { codeId: string; end: number }[] = [];
  for (const coding of sorted) {
    open = open.filter((o) => o.end > coding.start);
    for (const other of open) {
      if (other.codeId === coding.codeId) continue;
      meet(coding.codeId, other.codeId);
      meet(other.codeId, coding.codeId);
    }
    open.push({ codeId: coding.codeId, end: coding.end });
  }
  const patterns = new Map<string, Pattern>();
  codeIds.forEach((id, i) => {
    const cost = new Map<Pattern, number>(PATTERNS.map((p) => [p, 0]));
    for (const [other, times] of meets.get(id) ?? []) {
      const taken = patterns.get(other);
      if (taken) cost.set(taken, cost.get(taken)! + times);
    }
    const preferred = PATTERNS[i % PATTERNS.length];
    const cheapest = PATTERNS.reduce((best, p) => (cost.get(p)! < cost.get(best)! ? p : best));
    patterns.set(id, cost.get(preferred) === 0 ? preferred : cheapest);
  });
  return patterns;
}

/** A line style other than `taken`, for a second code that shares the first's pattern. */
export function otherPattern(taken: Pattern): Pattern {
  return PATTERNS[(PATTERNS.indexOf(taken) + 1) % PATTERNS.length];
}

/** The code's colour darkened (or lightened) until it stands out from the page at 3:1. */
export function barColour(colour: string, page = "#ffffff"): string {
  const base = parseHex(colour) ?? FALLBACK;
  const background = parseHex(page) ?? WHITE;
  const towards = contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
  for (let step = 0; step <= 10; step++) {
    const mixed = composite(towards, base, step / 10);
    if (contrastRatio(mixed, background) >= MIN_GRAPHIC_CONTRAST) return toHex(mixed);
  }
  return toHex(towards);
}

/** The label's background: a pale tint of the code under dark text (at least 4.5:1). */
export function labelTint(colour: string, page = "#ffffff"): { tint: string; text: string } {
  const base = parseHex(colour) ?? FALLBACK;
  const background = parseHex(page) ?? WHITE;
  let tint: Rgb = composite(base, background, TINT_ALPHA);
  for (let step = 1; contrastRatio(DARK_TEXT, tint) < MIN_TEXT_CONTRAST && step <= 10; step++) tint = composite(WHITE, tint, step / 10);
  return { tint: toHex(tint), text: toHex(DARK_TEXT) };
}

/** Every code in view's mark, from its colour, name and overlaps. */
export function codeMarks(codes: readonly { id: string; name: string; colour: string }[], codings: readonly { codeId: string; start: number; end: number }[]): Map<string, CodeMark> {
  const labels = labelCodes(codes);
  const patterns = assignPatterns(codes.map((c) => c.id), codings);
  return new Map(codes.map((c) => [c.id, { label: labels.get(c.id)!, pattern: patterns.get(c.id)!, bar: barColour(c.colour), ...labelTint(c.colour) }]));
}
