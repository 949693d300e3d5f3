import { type Outcome, computed, notComputed, stabilityNote } from "../agreement/result";
import type { PresenceCounts } from "./presence";

/**
 * Percent agreement, Krippendorff's alpha (nominal) and Cohen's kappa from presence counts
 * (presence.ts): the same definitions as lib/agreement (percent-agreement.ts,
 * krippendorff-alpha.ts, cohen-kappa.ts), specialised to two values (coded 1 / not 0) and
 * units every one of the m analysts judged, so they run in O(m) instead of O(units x m).
 * A unit marked by k of m analysts holds n1 = k ones and n0 = m - k zeros.
 *
 *   percent agreement   mean over units of [k(k-1) + (m-k)(m-k-1)] / (m(m-1))       (Fleiss 1971)
 *   alpha               coincidences o_01 = sum_u k(m-k)/(m-1); n = units*m;
 *                       n_1 = sum_u k, n_0 = n - n_1;
 *                       alpha = 1 - D_o/D_e = 1 - (n-1) o_01 / (n_0 n_1)             (Krippendorff 2011)
 *                       (D_o = 2 o_01 / n, D_e = 2 n_0 n_1 / (n(n-1)))
 *   kappa (m = 2)       p_o = (both + neither) / units, p_c = pA pB + (1-pA)(1-pB)    (Cohen 1960)
 *
 * Reasons and stability notes are lib/agreement's, in the same order, so a figure reads the
 * same whichever path computed it.
 */

export type PresenceFigures = { percent: Outcome; alpha: Outcome; kappa: Outcome | null; units: number; stabilityNote: string | null };

export function presenceFigures(counts: PresenceCounts): PresenceFigures {
  const m = counts.perCoder.length;
  const units = counts.units;
  const blocked = m < 2 ? "fewer-than-two-coders" : units === 0 ? "all-values-missing" : null;
  if (blocked) return { percent: notComputed(blocked), alpha: notComputed(blocked), kappa: m === 2 || m < 2 ? notComputed(blocked) : null, units: 0, stabilityNote: null };

  let agreeing = 0;
  let o01 = 0;
  let ones = 0;
  counts.byCoders.forEach((unitsWithK, k) => {
    agreeing += unitsWithK * ((k * (k - 1) + (m - k) * (m - k - 1)) / (m * (m - 1)));
    o01 += (unitsWithK * k * (m - k)) / (m - 1);
    ones += unitsWithK * k;
  });
  const n = units * m;
  const zeros = n - ones;
  const percent = computed(agreeing / units);
  const alpha = ones === 0 || zeros === 0 ? notComputed("no-variation") : computed(1 - ((n - 1) * o01) / (zeros * ones));
  return { percent, alpha, kappa: m === 2 ? kappa(counts) : null, units, stabilityNote: stabilityNote(units) };
}

function kappa(counts: PresenceCounts): Outcome {
  const u = counts.units;
  const both = counts.byCoders[2];
  const neither = counts.byCoders[0];
  const pA = counts.perCoder[0] / u;
  const pB = counts.perCoder[1] / u;
  const observed = (both + neither) / u;
  const expected = pA * pB + (1 - pA) * (1 - pB);
  // As in cohen-kappa.ts: p_c = 1 only when both analysts used one and the same value throughout.
  if (expected >= 1 || (pA === pB && (pA === 0 || pA === 1))) return notComputed("no-variation");
  return computed((observed - expected) / (1 - expected));
}
