/**
 * Reliability data in Krippendorff's canonical form (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"): a coders x units matrix whose cells hold the
 * value a coder gave a unit, or null where the coder did not code it. A unit is pairable when
 * at least two coders gave it a value; the others carry no information about agreement and
 * are dropped, and every result reports how many.
 */

export type CodeValue = string | number;

/** Rows are coders, columns are units. `undefined` is read as missing, like null. */
export type ReliabilityData = ReadonlyArray<ReadonlyArray<CodeValue | null | undefined>>;

export type UnitCounts = {
  coders: number;
  /** Units (columns) in the input. */
  units: number;
  /** Units with values from at least two coders. */
  pairableUnits: number;
  /** Units with fewer than two values, left out of the figure. */
  droppedUnits: number;
  /** Values in the pairable units: Krippendorff's n. */
  pairableValues: number;
};

export type CodedValue = { coder: number; value: CodeValue };

export type ReadData = {
  counts: UnitCounts;
  /** Values present anywhere, pairable or not. */
  totalValues: number;
  /** The pairable units' values, each tagged with the coder's row. */
  pairable: CodedValue[][];
};

export function readReliabilityData(data: ReliabilityData): ReadData {
  const coders = data.length;
  const units = coders === 0 ? 0 : data[0].length;
  data.forEach((row, i) => {
    if (row.length !== units) {
      throw new RangeError(`reliability data must be rectangular: coder ${i} has ${row.length} units, coder 0 has ${units}`);
    }
  });
  let totalValues = 0;
  let pairableValues = 0;
  const pairable: CodedValue[][] = [];
  for (let u = 0; u < units; u++) {
    const values: CodedValue[] = [];
    for (let c = 0; c < coders; c++) {
      const value = data[c][u];
      if (value === null || value === undefined) continue;
      if (typeof value === "number" && !Number.isFinite(value)) {
        throw new RangeError(`coder ${c}, unit ${u}: ${value} is not a value; use null for a missing one`);
      }
      values.push({ coder: c, value });
    }
    totalValues += values.length;
    if (values.length >= 2) {
      pairable.push(values);
      pairableValues += values.length;
    }
  }
  return {
    counts: { coders, units, pairableUnits: pairable.length, droppedUnits: units - pairable.length, pairableValues },
    totalValues,
    pairable,
  };
}

/** The reasons shared by every coefficient over units, checked in the order a user would fix them. */
export function precondition(read: ReadData): "fewer-than-two-coders" | "all-values-missing" | "no-pairable-units" | null {
  if (read.counts.coders < 2) return "fewer-than-two-coders";
  if (read.totalValues === 0) return "all-values-missing";
  if (read.counts.pairableUnits === 0) return "no-pairable-units";
  return null;
}
