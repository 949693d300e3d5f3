import type { CodeValue, CodedValue } from "./reliability-data";

/**
 * The coincidence matrix of Krippendorff (2011, "Computing Krippendorff's Alpha-Reliability",
 * the case of any number of coders with missing values): o_ck counts, over pairable units, the ordered pairs of values c and k
 * that two different coders gave the same unit, each unit weighted 1/(m_u - 1) so that every
 * pairable value contributes exactly one to its row. Its margins n_c are then the number of
 * pairable values c, and n their total.
 */
export type CoincidenceMatrix = {
  /** The distinct values, numbers ascending then strings: the ranks the ordinal metric needs. */
  values: CodeValue[];
  /** o[c][k], indexed like `values`. */
  o: number[][];
  /** n_c: row sums. */
  margins: number[];
  /** n: all pairable values. */
  total: number;
};

export function coincidenceMatrix(units: ReadonlyArray<ReadonlyArray<CodedValue>>): CoincidenceMatrix {
  const values = distinctValues(units);
  const index = new Map<CodeValue, number>(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const unit of units) {
    const counts = new Map<number, number>();
    for (const { value } of unit) {
      const i = index.get(value)!;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const weight = 1 / (unit.length - 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        // A value is never paired with itself: within one value the pairs are n(n-1).
        o[c][k] += (c === k ? nc * (nc - 1) : nc * nk) * weight;
      }
    }
  }
  const margins = o.map((row) => row.reduce((a, b) => a + b, 0));
  return { values, o, margins, total: margins.reduce((a, b) => a + b, 0) };
}

function distinctValues(units: ReadonlyArray<ReadonlyArray<CodedValue>>): CodeValue[] {
  const seen = new Set<CodeValue>();
  for (const unit of units) for (const { value } of unit) seen.add(value);
  return [...seen].sort((a, b) => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "number") return -1;
    if (typeof b === "number") return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
