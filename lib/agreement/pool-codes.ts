import type { AnalysisUnit, CodeUnits } from "./codings";

/**
 * All codes' units side by side, one column per (code, unit), for an overall figure across the
 * codebook: each code-unit pair is one decision a coder made, so pooling them is what
 * "agreement over all codes" means for presence data. The figures are then computed once
 * from the pooled columns: this is not a mean of the per-code figures.
 *
 * Pass only codes with variation (codesWithVariation): a code every coder left out of every
 * unit, or put on every unit, has an undefined coefficient of its own (0/0), and pooling it
 * would add only unanimous pairs, i.e. count it as perfect agreement.
 */
export function poolCodes(perCode: ReadonlyArray<CodeUnits>): { coderIds: string[]; units: (AnalysisUnit & { codeId: string })[]; data: (0 | 1 | null)[][] } {
  const coderIds = perCode[0]?.coderIds ?? [];
  const units = perCode.flatMap((c) => c.units.map((u) => ({ ...u, codeId: c.codeId })));
  const data = coderIds.map((_, row) => perCode.flatMap((c) => c.data[row]));
  return { coderIds, units, data };
}

/**
 * Whether a code's presence data vary over the values that can be paired (units at least two
 * coders judged): "absent" when every such value is 0 (nobody applied it), "present" when
 * every one is 1, "varies" otherwise. "absent" and "present" are the codes whose alpha and
 * kappa are 0/0; "none" when no unit has two values to pair.
 */
export type Variation = "varies" | "absent" | "present" | "none";

export function variationOf(code: CodeUnits): Variation {
  const seen = new Set<0 | 1>();
  for (let u = 0; u < code.units.length; u++) {
    const values = code.data.map((row) => row[u]).filter((v): v is 0 | 1 => v !== null);
    if (values.length < 2) continue;
    for (const v of values) seen.add(v);
    if (seen.size === 2) return "varies";
  }
  return seen.size === 0 ? "none" : seen.has(1) ? "present" : "absent";
}

/** The codes an overall figure pools: those whose own coefficient is defined (they vary). */
export function codesWithVariation(perCode: ReadonlyArray<CodeUnits>): CodeUnits[] {
  return perCode.filter((c) => variationOf(c) === "varies");
}
