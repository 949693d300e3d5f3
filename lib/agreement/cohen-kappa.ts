import { type Outcome, computed, notComputed, stabilityNote } from "./result";
import { type ReliabilityData, type UnitCounts, precondition, readReliabilityData } from "./reliability-data";

/**
 * Cohen's kappa for two coders and nominal values (Cohen 1960, "A coefficient of agreement
 * for nominal scales", Educational and Psychological Measurement 20(1), 37-46, eq. 1):
 *
 *   kappa = (p_o - p_c) / (1 - p_c)
 *
 * p_o is the share of units on which the coders agree, p_c the agreement expected from each
 * coder's own marginal distribution (the sum over values of the product of their shares).
 * Only units both coders coded count; the others are dropped and reported. Kappa is kept for
 * comparison with the literature; unlike Krippendorff's alpha it credits coders for
 * disagreeing on how often a value occurs (Krippendorff 2004, Content Analysis 2nd ed., p. 246).
 */

export type CohenKappaResult = Outcome &
  UnitCounts & {
    /** p_o, or null when there is nothing to compare. */
    observedAgreement: number | null;
    /** p_c. */
    expectedAgreement: number | null;
    stabilityNote: string | null;
  };

/** `data` has exactly two rows (coders); with fewer the result says so, with more it is an error. */
export function cohensKappa(data: ReliabilityData): CohenKappaResult {
  if (data.length > 2) {
    throw new RangeError(`Cohen's kappa compares exactly two coders, got ${data.length}; use Krippendorff's alpha for more`);
  }
  const read = readReliabilityData(data);
  const blocked = precondition(read);
  const base = { ...read.counts, observedAgreement: null, expectedAgreement: null, stabilityNote: null };
  if (blocked) return { ...notComputed(blocked), ...base };

  const n = read.counts.pairableUnits;
  const first = new Map<unknown, number>();
  const second = new Map<unknown, number>();
  let agreeing = 0;
  for (const unit of read.pairable) {
    // Two coders: a pairable unit holds exactly one value from each, in row order.
    const [a, b] = unit;
    first.set(a.value, (first.get(a.value) ?? 0) + 1);
    second.set(b.value, (second.get(b.value) ?? 0) + 1);
    if (a.value === b.value) agreeing++;
  }
  let expected = 0;
  for (const [value, count] of first) expected += (count / n) * ((second.get(value) ?? 0) / n);
  const observed = agreeing / n;

  // p_c = 1 only when both coders used one and the same value throughout: kappa is 0/0.
  if (expected >= 1) return { ...notComputed("no-variation"), ...base, observedAgreement: observed, expectedAgreement: expected };
  return {
    ...computed((observed - expected) / (1 - expected)),
    ...read.counts,
    observedAgreement: observed,
    expectedAgreement: expected,
    stabilityNote: stabilityNote(n),
  };
}
