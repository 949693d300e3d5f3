import type { CoincidenceMatrix } from "./coincidence-matrix";

/**
 * The squared difference functions delta^2_ck of Krippendorff (2011, "Computing
 * Krippendorff's Alpha-Reliability", given there with its example for any metric): what a disagreement
 * between values c and k costs at each level of measurement.
 *
 *   nominal   1 when c != k
 *   ordinal   (sum_{g=c..k} n_g - (n_c + n_k)/2)^2   (ranks, weighted by how often each value occurs)
 *   interval  (c - k)^2
 *   ratio     ((c - k) / (c + k))^2
 */
export type Metric = "nominal" | "ordinal" | "interval" | "ratio";

export const METRICS: readonly Metric[] = ["nominal", "ordinal", "interval", "ratio"];

/** delta^2 for every pair of the matrix's values, indexed like `matrix.values`. */
export function squaredDifferences(metric: Metric, matrix: CoincidenceMatrix): number[][] {
  const { values, margins } = matrix;
  if (metric !== "nominal") {
    for (const v of values) {
      if (typeof v !== "number") throw new TypeError(`the ${metric} metric needs numeric values, got "${v}"`);
      if (metric === "ratio" && v < 0) throw new RangeError(`the ratio metric needs values >= 0, got ${v}`);
    }
  }
  const numbers = values as number[];
  return values.map((_, c) =>
    values.map((_, k) => {
      if (c === k) return 0;
      switch (metric) {
        case "nominal":
          return 1;
        case "ordinal": {
          const [lo, hi] = c < k ? [c, k] : [k, c];
          let between = 0;
          for (let g = lo; g <= hi; g++) between += margins[g];
          return (between - (margins[c] + margins[k]) / 2) ** 2;
        }
        case "interval":
          return (numbers[c] - numbers[k]) ** 2;
        case "ratio": {
          const sum = numbers[c] + numbers[k];
          return sum === 0 ? 0 : ((numbers[c] - numbers[k]) / sum) ** 2;
        }
      }
    }),
  );
}
