import { coincidenceMatrix } from "./coincidence-matrix";
import { type Metric, squaredDifferences } from "./difference-functions";
import { type Outcome, computed, notComputed, stabilityNote } from "./result";
import { type ReliabilityData, type UnitCounts, precondition, readReliabilityData } from "./reliability-data";

/**
 * Krippendorff's alpha for any number of coders, missing values allowed, in the
 * coincidence-matrix formulation of Krippendorff (2011, "Computing Krippendorff's
 * Alpha-Reliability", Annenberg School for Communication working paper):
 *
 *   alpha = 1 - D_o / D_e
 *   D_o = (1/n) sum_c sum_k o_ck delta^2_ck              observed disagreement
 *   D_e = (1/(n(n-1))) sum_c sum_k n_c n_k delta^2_ck    disagreement expected by chance
 *
 * Units with fewer than two values are not pairable and are dropped before the matrix is
 * built. When every pairable value is the same, D_e = 0 and alpha is undefined (not 1): the
 * data cannot show whether the coders could tell anything apart.
 */

export type KrippendorffAlphaResult = Outcome &
  UnitCounts & {
    metric: Metric;
    observedDisagreement: number | null;
    expectedDisagreement: number | null;
    stabilityNote: string | null;
  };

export function krippendorffAlpha(data: ReliabilityData, options: { metric?: Metric } = {}): KrippendorffAlphaResult {
  const metric = options.metric ?? "nominal";
  const read = readReliabilityData(data);
  const base = { ...read.counts, metric, observedDisagreement: null, expectedDisagreement: null, stabilityNote: null };
  const blocked = precondition(read);
  if (blocked) return { ...notComputed(blocked), ...base };

  const matrix = coincidenceMatrix(read.pairable);
  const delta2 = squaredDifferences(metric, matrix);
  const { o, margins, total: n } = matrix;
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < o.length; c++) {
    for (let k = 0; k < o.length; k++) {
      observedSum += o[c][k] * delta2[c][k];
      expectedSum += margins[c] * margins[k] * delta2[c][k];
    }
  }
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  if (expected === 0) return { ...notComputed("no-variation"), ...base, observedDisagreement: observed, expectedDisagreement: 0 };
  return {
    ...computed(1 - observed / expected),
    ...read.counts,
    metric,
    observedDisagreement: observed,
    expectedDisagreement: expected,
    stabilityNote: stabilityNote(read.counts.pairableUnits),
  };
}
