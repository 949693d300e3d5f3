import type { AttributeValueRow } from "../analysis/case-filter";

/**
 * Sums of numeric case attributes over a set of cases, for ratio figures. A case with no
 * value for an attribute adds 0: a ratio over "projects on AWS" should not fail because one
 * interviewee was never asked.
 */
export function sumAttributes(caseIds: ReadonlySet<string>, values: readonly AttributeValueRow[], attributeIds: readonly string[]): Map<string, number> {
  const sums = new Map(attributeIds.map((id) => [id, 0]));
  for (const row of values) {
    if (sums.has(row.attributeId) && caseIds.has(row.caseId)) sums.set(row.attributeId, sums.get(row.attributeId)! + (row.numberValue ?? 0));
  }
  return sums;
}

/** The sum of the sums of the given attributes; an attribute listed twice counts twice, as written. */
export const total = (sums: ReadonlyMap<string, number>, attributeIds: readonly string[]) => attributeIds.reduce((n, id) => n + (sums.get(id) ?? 0), 0);
