import { type Outcome, computed, notComputed, stabilityNote } from "./result";
import { type Section, pairDisagreement, sectionsOf } from "./unitizing-sections";

/**
 * Krippendorff's alpha for unitized data: coders mark spans of a continuum (here the
 * characters of a transcript) and the coefficient compares where they put them, so
 * overlapping spans count by how closely their bounds agree, not as all-or-nothing.
 *
 * Which variant: the one defined in Krippendorff (2004), Content Analysis: An Introduction to
 * Its Methodology, 2nd ed., Sage, pp. 251-256 (the alpha-agreement for unitizing, with its
 * worked example on p. 254). It revises Krippendorff (1995), "On the reliability of unitizing
 * continuous data", Sociological Methodology 25, 47-76, for a discrete continuum. It is
 * computed per category c on a binary continuum (c against everything else):
 *
 *   cD_o = sum_i sum_{j != i} sum_g sum_h delta^2(ig, jh) / (m (m-1) L^2)
 *   cD_e = (2/L) sum_{units g} [ (N_c - 1)(2l_g^3 - 3l_g^2 + l_g)/3
 *                                + l_g^2 sum_{gaps h, l_h >= l_g} (l_h - l_g + 1) ]
 *          / [ mL(mL - 1) - sum_{units g} l_g (l_g - 1) ]
 *   c-alpha_u = 1 - cD_o / cD_e                                    (one category)
 *   alpha_u   = 1 - sum_c cD_o / sum_c cD_e                        (several categories)
 *
 * with m coders, L the continuum's length, N_c the units of c over all coders (lengths l_g),
 * the gaps taken over all coders, and delta^2 as in unitizing-sections.ts. The expected
 * disagreement is what the same units would cost if they were placed at random: the gap term
 * counts the l_h - l_g + 1 positions at which a unit fits wholly inside a gap.
 *
 * It is NOT the later family of Krippendorff, Mathet, Bouvry & Widloecher (2016), "On the
 * reliability of unitizing textual continua: Further developments", Quality & Quantity 50,
 * 2347-2364 (|u|alpha, cu-alpha, (k)u-alpha), which changes this definition because it
 * behaved unexpectedly with more than two coders. Grounded compares two coders (blind double
 * coding); with more, the result carries a note saying so.
 *
 * Per category the data are binary, so codes that overlap within one coder's coding (common
 * in qualitative coding) do not interfere with each other.
 */

export type UnitizedSpan = { start: number; end: number; category: string };
export type UnitizedCoder = { coderId: string; spans: ReadonlyArray<UnitizedSpan> };
/** Offsets are whole positions (characters) in [0, length); spans are [start, end). */
export type UnitizedContinuum = { length: number; coders: ReadonlyArray<UnitizedCoder> };

type Figures = {
  coders: number;
  length: number;
  /** Units marked, over all coders, after merging each coder's overlapping spans (N_c). */
  markedUnits: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  stabilityNote: string | null;
  /** Set when the definition itself asks for care with these data (more than two coders). */
  definitionNote: string | null;
};

export type CategoryUnitizingAlpha = Outcome & Figures & { category: string };
export type UnitizingAlpha = Outcome & Figures & { categories: string[]; perCategory: CategoryUnitizingAlpha[] };

const MORE_THAN_TWO_CODERS =
  "more than two coders: Krippendorff et al. (2016) revised this coefficient because the 2004 definition used here behaves unexpectedly with more than two coders";

/** c-alpha_u: agreement on where the coders put spans of one category. */
export function unitizingAlphaForCategory(continuum: UnitizedContinuum, category: string): CategoryUnitizingAlpha {
  validate(continuum);
  const figures = baseFigures(continuum);
  const blocked = blockedBy(continuum);
  if (blocked) return { ...blocked, ...figures, category };
  const d = categoryDisagreements(continuum, category);
  const withCounts = { ...figures, category, markedUnits: d.units, observedDisagreement: d.observed, expectedDisagreement: d.expected };
  if (d.units === 0) return { ...notComputed("no-variation", "no coder marked this category"), ...withCounts };
  if (d.expected === 0) return { ...notComputed("no-variation"), ...withCounts };
  return { ...computed(1 - d.observed / d.expected), ...withCounts, stabilityNote: stabilityNote(d.units, "marked units") };
}

/**
 * alpha_u over several categories, with each category's own figure. `categories` defaults to
 * every category some coder used; pass the codebook's codes to include unused ones.
 */
/**
 * alpha_u over several categories from their own results: 1 - sum cD_o / sum cD_e
 * (Krippendorff 2004). Exported so a caller that already has the per-category results (the
 * agreement table) pools them without computing each category again.
 */
export function poolCategories(perCategory: ReadonlyArray<CategoryUnitizingAlpha>): Outcome & {
  markedUnits: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  stabilityNote: string | null;
} {
  let observed = 0;
  let expected = 0;
  let units = 0;
  // A category whose own alpha_u is undefined (no variation) is left out, as the agreement
  // table leaves out presence codes without variation: a pooled figure over it would rest on
  // a comparison that says nothing about whether the coders could tell anything apart.
  for (const c of perCategory) {
    if (c.value === null) continue;
    observed += c.observedDisagreement ?? 0;
    expected += c.expectedDisagreement ?? 0;
    units += c.markedUnits;
  }
  const counts = { markedUnits: units, observedDisagreement: observed, expectedDisagreement: expected, stabilityNote: null };
  if (units === 0) {
    const detail = perCategory.some((c) => c.markedUnits > 0) ? "no marked category varies" : "no coder marked any category";
    return { ...notComputed("no-variation", detail), ...counts };
  }
  if (expected === 0) return { ...notComputed("no-variation"), ...counts };
  return { ...computed(1 - observed / expected), ...counts, stabilityNote: stabilityNote(units, "marked units") };
}

export function unitizingAlpha(continuum: UnitizedContinuum, options: { categories?: ReadonlyArray<string> } = {}): UnitizingAlpha {
  validate(continuum);
  const categories = [...(options.categories ?? usedCategories(continuum))];
  const figures = baseFigures(continuum);
  const blocked = blockedBy(continuum);
  if (blocked) return { ...blocked, ...figures, categories, perCategory: [] };
  const perCategory = categories.map((c) => unitizingAlphaForCategory(continuum, c));
  return { ...figures, categories, perCategory, ...poolCategories(perCategory) };
}

function categoryDisagreements(continuum: UnitizedContinuum, category: string) {
  const L = continuum.length;
  const m = continuum.coders.length;
  const sections: Section[][] = continuum.coders.map((coder) =>
    sectionsOf(
      coder.spans.filter((s) => s.category === category),
      L,
    ),
  );

  // delta^2 is symmetric: sum each unordered pair of coders once, then double.
  let pairSum = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairSum += pairDisagreement(sections[i], sections[j]);
  const observed = (2 * pairSum) / (m * (m - 1) * L * L);

  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const list of sections) for (const s of list) (s.unit ? unitLengths : gapLengths).push(s.end - s.start);
  const fitsInGaps = gapFitter(gapLengths);
  const N = unitLengths.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of unitLengths) {
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * fitsInGaps(l);
    selfPairs += l * (l - 1);
  }
  const expected = N === 0 ? 0 : ((2 / L) * numerator) / (m * L * (m * L - 1) - selfPairs);
  return { observed, expected, units: N };
}

/** For a unit of length l: sum over gaps with l_h >= l of (l_h - l + 1), via sorted suffix sums. */
function gapFitter(gaps: number[]): (l: number) => number {
  const sorted = [...gaps].sort((a, b) => a - b);
  const suffix = new Array<number>(sorted.length + 1).fill(0);
  for (let i = sorted.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + sorted[i];
  return (l) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < l) lo = mid + 1;
      else hi = mid;
    }
    return suffix[lo] - (sorted.length - lo) * (l - 1);
  };
}

function baseFigures(continuum: UnitizedContinuum): Figures {
  return {
    coders: continuum.coders.length,
    length: continuum.length,
    markedUnits: 0,
    observedDisagreement: null,
    expectedDisagreement: null,
    stabilityNote: null,
    definitionNote: continuum.coders.length > 2 ? MORE_THAN_TWO_CODERS : null,
  };
}

function blockedBy(continuum: UnitizedContinuum): Outcome | null {
  if (continuum.coders.length < 2) return notComputed("fewer-than-two-coders");
  if (continuum.length === 0) return notComputed("no-pairable-units", "the continuum is empty");
  return null;
}

function usedCategories(continuum: UnitizedContinuum): string[] {
  const seen = new Set<string>();
  for (const coder of continuum.coders) for (const span of coder.spans) seen.add(span.category);
  return [...seen].sort();
}

function validate(continuum: UnitizedContinuum): void {
  const { length } = continuum;
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`continuum length ${length} is not a whole number >= 0`);
  for (const coder of continuum.coders) {
    for (const { start, end, category } of coder.spans) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) {
        throw new RangeError(`coder ${coder.coderId}, category ${category}: span [${start}, ${end}) is not a non-empty span of [0, ${length})`);
      }
    }
  }
}
