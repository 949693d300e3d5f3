import { type Outcome, computed, notComputed, stabilityNote } from "./result";
import { type ReliabilityData, type UnitCounts, precondition, readReliabilityData } from "./reliability-data";

/**
 * Pairwise percent agreement: for each pairable unit, the share of pairs of its coders who
 * gave the same value, averaged over units. This is Fleiss's P-bar (Fleiss 1971, "Measuring
 * nominal scale agreement among many raters", Psychological Bulletin 76(5), eqs. 2-3),
 * with each unit's own number of coders m_u so that missing values are allowed:
 *
 *   P_u = sum_c n_uc (n_uc - 1) / (m_u (m_u - 1)),   P = mean of P_u over pairable units.
 *
 * With two coders it is the plain share of units on which they agree. Averaging per unit
 * (rather than pooling all pairs) keeps a unit seen by four coders from weighing six times
 * as much as one seen by two. It is not chance-corrected: report it beside kappa or alpha.
 */

export type PercentAgreementResult = Outcome &
  UnitCounts & {
    /** Pairs of coders within units, over all pairable units. */
    pairs: number;
    agreeingPairs: number;
    stabilityNote: string | null;
  };

export function percentAgreement(data: ReliabilityData): PercentAgreementResult {
  const read = readReliabilityData(data);
  const blocked = precondition(read);
  if (blocked) return { ...notComputed(blocked), ...read.counts, pairs: 0, agreeingPairs: 0, stabilityNote: null };

  let sumOfUnitShares = 0;
  let pairs = 0;
  let agreeingPairs = 0;
  for (const unit of read.pairable) {
    const counts = new Map<unknown, number>();
    for (const { value } of unit) counts.set(value, (counts.get(value) ?? 0) + 1);
    const m = unit.length;
    let agreeing = 0;
    for (const n of counts.values()) agreeing += (n * (n - 1)) / 2;
    const unitPairs = (m * (m - 1)) / 2;
    sumOfUnitShares += agreeing / unitPairs;
    pairs += unitPairs;
    agreeingPairs += agreeing;
  }
  const units = read.counts.pairableUnits;
  return {
    ...computed(sumOfUnitShares / units),
    ...read.counts,
    pairs,
    agreeingPairs,
    stabilityNote: stabilityNote(units),
  };
}
