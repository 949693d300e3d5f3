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
 * look the same and the style can be memoised by its inputs.
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
const FALLBACK_COLOUR = "#64748b";
const DARK_TEXT = parseHex("#111827")!;
const LIGHT_TEXT = parseHex("#ffffff")!;
const WHITE = parseHex("#ffffff")!;
const BLACK = parseHex("#000000")!;

export function highlightStyle(colours: readonly string[], options: HighlightOptions = {}): HighlightStyle {
  const page = parseHex(options.page ?? "#ffffff") ?? WHITE;
  const alpha = options.alpha ?? 0.3;
  const stripe = options.stripe ?? 6;
  const codes = [...new Set(colours.map((c) => toHex(parseHex(c) ?? parseHex(FALLBACK_COLOUR)!)))].sort();
  let fills = codes.length === 0 ? [page] : codes.map((c) => composite(parseHex(c)!, page, alpha));

  if (codes.length === 0) {
    // Nothing to wash on an uncovered segment: the page is what it is, so fall back to pure
    // black or white text, one of which always reaches 4.58:1.
    const text = readableText(fills, [DARK_TEXT, LIGHT_TEXT]) ?? readableText(fills, [BLACK, WHITE], 0)!;
    return { background: "transparent", color: toHex(text), fills: [toHex(page)] };
  }
  const text = readableText(fills, [DARK_TEXT, LIGHT_TEXT], 0)!;
  const away = text === DARK_TEXT ? WHITE : BLACK;
  fills = fills.map((fill) => washUntilReadable(fill, text, away));

  const hexes = fills.map(toHex);
  if (hexes.length === 1) return { background: hexes[0], color: toHex(text), fills: hexes };
  const stops = hexes.map((hex, i) => `${hex} ${i * stripe}px ${(i + 1) * stripe}px`);
  return { background: `repeating-linear-gradient(135deg, ${stops.join(", ")})`, color: toHex(text), fills: hexes };
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
