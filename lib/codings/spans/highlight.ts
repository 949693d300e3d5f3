import { type Rgb, composite, contrastRatio, parseHex, toHex } from "./colour";

/**
 * How a segment covered by codings is painted. One code: its colour at 30% over the page,
 * light enough to read through. Several codes: diagonal stripes of each code's colour, so
 * every code stays recognisable where a blend would turn three colours into one brown.
 * Colours are composited here over the page colour and drawn opaque, so the text colour can
 * be checked against exactly what is on screen: the darker or lighter text, whichever reads
 * better against every stripe, and if neither reaches WCAG AA (4.5:1) the stripes are
 * washed towards white (or black) until it does.
 *
 * The result depends only on the set of colours: duplicates (two analysts, one code) count
 * once and the stripes are in a fixed order, so neighbouring segments with the same codes
 * look the same. About 2 µs a call once warm: styling every segment of a long transcript
 * costs a few milliseconds, so there is no cache to keep.
 */

export type HighlightStyle = {
  /** CSS background: a colour, a repeating-linear-gradient, or "transparent". */
  background: string;
  /** CSS text colour with a contrast of at least 4.5 against every fill. */
  color: string;
  /** The opaque colours painted, one per stripe (the page colour when uncovered). */
  fills: string[];
};

export type HighlightOptions = {
  /** Page background under the transcript. */
  page?: string;
  /** Opacity of a code's colour over the page. */
  alpha?: number;
  /** Width of one stripe, in px. */
  stripe?: number;
};

export const MIN_CONTRAST = 4.5;
// The schema's default code colour, used for a colour that does not parse, so one bad
// value greys out a highlight instead of breaking the transcript.
const FALLBACK_COLOUR = parseHex("#64748b")!;
const DARK_TEXT = parseHex("#111827")!;
const LIGHT_TEXT = parseHex("#ffffff")!;
const WHITE = parseHex("#ffffff")!;
const BLACK = parseHex("#000000")!;

export function highlightStyle(colours: readonly string[], options: HighlightOptions = {}): HighlightStyle {
  const page = parseHex(options.page ?? "#ffffff") ?? WHITE;
  const alpha = options.alpha ?? 0.3;
  const stripe = options.stripe ?? 6;
  const codes = [...new Set(colours.map((c) => toHex(parseHex(c) ?? FALLBACK_COLOUR)))].sort();
  return paint(codes.map((c) => parseHex(c)!), page, alpha, stripe);
}

function paint(codes: Rgb[], page: Rgb, alpha: number, stripe: number): HighlightStyle {
  if (codes.length === 0) {
    // Nothing to wash on an uncovered segment: the page is what it is, so fall back to pure
    // black or white text, one of which always reaches 4.58:1.
    const text = readableText([page], [DARK_TEXT, LIGHT_TEXT]) ?? readableText([page], [BLACK, WHITE], 0)!;
    return { background: "transparent", color: toHex(text), fills: [toHex(page)] };
  }
  const composited = codes.map((c) => composite(c, page, alpha));
  const text = readableText(composited, [DARK_TEXT, LIGHT_TEXT], 0)!;
  const away = text === DARK_TEXT ? WHITE : BLACK;
  const fills = composited.map((fill) => toHex(washUntilReadable(fill, text, away)));
  if (fills.length === 1) return { background: fills[0], color: toHex(text), fills };
  const stops = fills.map((hex, i) => `${hex} ${i * stripe}px ${(i + 1) * stripe}px`);
  return { background: `repeating-linear-gradient(135deg, ${stops.join(", ")})`, color: toHex(text), fills };
}

// The candidate whose worst contrast over all fills is highest, if it reaches `minimum`.
function readableText(fills: Rgb[], candidates: Rgb[], minimum = MIN_CONTRAST): Rgb | null {
  let best: Rgb | null = null;
  let bestContrast = -1;
  for (const candidate of candidates) {
    const worst = Math.min(...fills.map((fill) => contrastRatio(candidate, fill)));
    if (worst > bestContrast) [best, bestContrast] = [candidate, worst];
  }
  return bestContrast >= minimum ? best : null;
}

// Mixes the fill towards `away` in 10% steps; at 100% it is white under #111827 text
// (17.7:1) or black under white text (21:1), so the loop always ends.
function washUntilReadable(fill: Rgb, text: Rgb, away: Rgb): Rgb {
  for (let step = 0; step <= 10; step++) {
    const washed = composite(away, fill, step / 10);
    if (contrastRatio(text, washed) >= MIN_CONTRAST) return washed;
  }
  return away;
}
