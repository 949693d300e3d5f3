import { z } from "zod";

/**
 * A filter on cases by their attributes: every condition must hold (AND). A case with no
 * value for an attribute fails every condition on it: "sector = academia" is not true of a
 * case whose sector nobody recorded. Documents without a case are outside any non-empty
 * filter, for the same reason.
 */

const id = z.string().trim().min(1).max(64);
const scalar = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

export const caseConditionSchema = z.discriminatedUnion("op", [
  z.strictObject({ attributeId: id, op: z.literal("eq"), value: scalar }),
  z.strictObject({ attributeId: id, op: z.literal("in"), values: z.array(scalar).min(1).max(100) }),
  z.strictObject({ attributeId: id, op: z.enum(["lt", "lte", "gt", "gte"]), value: z.number().finite() }),
]);

export const caseFilterSchema = z.array(caseConditionSchema).max(20);

export type CaseCondition = z.infer<typeof caseConditionSchema>;
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export type AttributeValueRow = {
  caseId: string;
  attributeId: string;
  textValue: string | null;
  numberValue: number | null;
  booleanValue: boolean | null;
};

export type Scalar = string | number | boolean;

export const valueOf = (row: Pick<AttributeValueRow, "textValue" | "numberValue" | "booleanValue">): Scalar | null =>
  row.textValue ?? row.numberValue ?? row.booleanValue;

export function conditionHolds(condition: CaseCondition, value: Scalar | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  switch (condition.op) {
    case "eq":
      return value === condition.value;
    case "in":
      return condition.values.includes(value);
    case "lt":
      return typeof value === "number" && value < condition.value;
    case "lte":
      return typeof value === "number" && value <= condition.value;
    case "gt":
      return typeof value === "number" && value > condition.value;
    case "gte":
      return typeof value === "number" && value >= condition.value;
  }
}

/** The ids of the cases that satisfy the filter, in the order given. */
export function filterCases(caseIds: readonly string[], values: readonly AttributeValueRow[], filter: CaseFilter): string[] {
  if (filter.length === 0) return [...caseIds];
  const byCase = new Map<string, Map<string, Scalar | null>>();
  for (const row of values) (byCase.get(row.caseId) ?? byCase.set(row.caseId, new Map()).get(row.caseId)!).set(row.attributeId, valueOf(row));
  return caseIds.filter((caseId) => filter.every((condition) => conditionHolds(condition, byCase.get(caseId)?.get(condition.attributeId))));
}

const OP_WORDS = { lt: "<", lte: "≤", gt: ">", gte: "≥" } as const;

/** "sector = academia and projects ≥ 10"; "all cases" for no filter. */
export function caseFilterLabel(filter: CaseFilter, attributeName: (attributeId: string) => string): string {
  if (filter.length === 0) return "all cases";
  const show = (v: Scalar) => (typeof v === "boolean" ? (v ? "yes" : "no") : String(v));
  return filter
    .map((c) => {
      const name = attributeName(c.attributeId);
      if (c.op === "eq") return `${name} = ${show(c.value)}`;
      if (c.op === "in") return `${name} is ${c.values.map(show).join(" or ")}`;
      return `${name} ${OP_WORDS[c.op]} ${c.value}`;
    })
    .join(" and ");
}
