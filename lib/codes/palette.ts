/**
 * Colours for new codes, colour-blind-safe by default: Okabe & Ito's palette ("Color Universal
 * Design", 2008) first, then Paul Tol's muted and vibrant sets (personal.sron.nl/~pault), which
 * were chosen to stay apart under the common colour-vision deficiencies. Every colour reaches at
 * least 3:1 contrast against white (WCAG 2.x non-text contrast, 1.4.11), because codes are drawn
 * as thin bars and swatches on white: Okabe-Ito's orange, sky blue and yellow and Tol's cyan, sand
 * and pale teal do not, so they are left out, and Tol's dark yellow (#997700) stands in for
 * orange. tests/unit/codes/palette.test.ts checks the contrast of each one.
 *
 * Sixteen colours cannot all be told apart by everyone; that is why the transcript also names
 * codes beside their bars. What the choice below guarantees is that codes seen together (siblings,
 * and the codes used most) do not share a colour while the palette has one to spare.
 */
export const CODE_PALETTE = [
  "#0072b2", // Okabe-Ito blue
  "#d55e00", // Okabe-Ito vermillion
  "#009e73", // Okabe-Ito bluish green
  "#cc79a7", // Okabe-Ito reddish purple
  "#997700", // Tol dark yellow (for Okabe-Ito orange)
  "#332288", // Tol muted indigo
  "#117733", // Tol muted green
  "#882255", // Tol muted wine
  "#aa4499", // Tol muted purple
  "#cc6677", // Tol muted rose
  "#999933", // Tol muted olive
  "#009988", // Tol vibrant teal
  "#4477aa", // Tol bright blue
  "#ee3377", // Tol vibrant magenta
  "#cc3311", // Tol vibrant red
  "#004488", // Tol high-contrast dark blue
] as const;

/** How many of the project's most-used codes (by codings) a new code's colour keeps away from. */
export const AVOID_MOST_USED = 4;

export type ColourContext = {
  /** Colours of the new code's siblings (same parent, live). */
  siblings: readonly string[];
  /** Colours of the project's most-used codes, most used first (at most AVOID_MOST_USED count). */
  mostUsed: readonly string[];
  /** Colours of every live code of the project. */
  used: readonly string[];
};

/**
 * A new code's colour: one no sibling has and none of the most-used codes has, if the palette
 * has such a colour; else one no sibling has; else any. Within that, the colour used by the
 * fewest codes, earliest in the palette on ties, so the choice is deterministic.
 */
export function pickCodeColour({ siblings, mostUsed, used }: ColourContext): string {
  const norm = (list: readonly string[]) => new Set(list.map((c) => c.toLowerCase()));
  const sib = norm(siblings);
  const top = norm(mostUsed.slice(0, AVOID_MOST_USED));
  const counts = new Map<string, number>(CODE_PALETTE.map((c) => [c, 0]));
  for (const colour of used) {
    const c = colour.toLowerCase();
    if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  const tiers = [CODE_PALETTE.filter((c) => !sib.has(c) && !top.has(c)), CODE_PALETTE.filter((c) => !sib.has(c)), [...CODE_PALETTE]];
  const candidates = tiers.find((t) => t.length > 0)!;
  // Stable sort: palette order breaks ties.
  return [...candidates].sort((a, b) => counts.get(a)! - counts.get(b)!)[0];
}

/** The least used palette colour (imports, which place many codes at once and have no usage yet). */
export function nextPaletteColour(used: readonly string[]): string {
  return pickCodeColour({ siblings: [], mostUsed: [], used });
}
