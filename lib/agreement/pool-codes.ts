import type { AnalysisUnit, CodeUnits } from "./codings";

/**
 * All codes' units side by side, one column per (code, unit), for an overall figure across the
 * codebook: each code-unit pair is one decision a coder made, so pooling them is what
 * "agreement over all codes" means for presence data.
 */
export function poolCodes(perCode: ReadonlyArray<CodeUnits>): { coderIds: string[]; units: (AnalysisUnit & { codeId: string })[]; data: (0 | 1 | null)[][] } {
  const coderIds = perCode[0]?.coderIds ?? [];
  const units = perCode.flatMap((c) => c.units.map((u) => ({ ...u, codeId: c.codeId })));
  const data = coderIds.map((_, row) => perCode.flatMap((c) => c.data[row]));
  return { coderIds, units, data };
}
