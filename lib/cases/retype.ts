import { parseBoolean, parseNumber } from "./infer-types";
import { CATEGORIES_MAX, TYPE_LABELS, type AttributeKind } from "./limits";

/**
 * What becomes of an attribute's values when its type changes: pure, so the confirmation the
 * owner reads and the transaction that converts run the same code on the same rows (the
 * mutation refuses when the rows changed in between, so what was stated is what happens).
 */

export type Scalar = string | number | boolean;
export type StoredValue = { textValue: string | null; numberValue: number | null; booleanValue: boolean | null };

/** The one value column that holds a value of this type (exactly one is set, checked in SQL). */
export function columnsFor(type: AttributeKind, value: Scalar): StoredValue {
  if (type === "number") return { textValue: null, numberValue: value as number, booleanValue: null };
  if (type === "boolean") return { textValue: null, numberValue: null, booleanValue: value as boolean };
  return { textValue: value as string, numberValue: null, booleanValue: null };
}

export const storedScalar = (row: StoredValue): Scalar | null => row.textValue ?? row.numberValue ?? row.booleanValue;

/** A value as a person reads it: booleans as yes/no, as the breakdowns label them. */
export const showValue = (value: Scalar): string => (typeof value === "boolean" ? (value ? "yes" : "no") : String(value));

/** The listed spelling of a category, matched case-insensitively and trimmed; null when not listed. */
export function matchCategory(raw: string, categories: readonly string[]): string | null {
  const wanted = raw.trim().toLowerCase();
  return categories.find((c) => c.toLowerCase() === wanted) ?? null;
}

/** `value` as a value of type `to`, or null when it has no such reading. */
export function convertValue(value: Scalar, to: AttributeKind, categories: readonly string[]): Scalar | null {
  const text = showValue(value);
  switch (to) {
    case "text":
      return text;
    case "category":
      return matchCategory(text, categories);
    case "number":
      if (typeof value === "number") return value;
      if (typeof value === "boolean") return value ? 1 : 0;
      return parseNumber(value);
    case "boolean":
      if (typeof value === "boolean") return value;
      return parseBoolean(String(value));
  }
}

export type RetypeRow = { valueId: string; caseId: string; caseName: string; value: Scalar };

export type RetypePlan = {
  from: AttributeKind;
  to: AttributeKind;
  /** The categories after the change (empty unless `to` is category). */
  categories: string[];
  converted: { valueId: string; caseName: string; before: Scalar; after: Scalar }[];
  cleared: { valueId: string; caseName: string; before: Scalar }[];
  /** Set when the change cannot be made at all; nothing is converted then. */
  problem: string | null;
};

/**
 * The plan for retyping. To a category with no categories given, the categories are the
 * distinct values as they are now (first spelling wins, in alphabetical order), so nothing is
 * lost; with categories given, values outside them are cleared. Category to category is how
 * an owner edits the allowed values.
 */
export function planRetype(from: AttributeKind, to: AttributeKind, givenCategories: readonly string[], rows: readonly RetypeRow[]): RetypePlan {
  let categories: string[] = [];
  if (to === "category") {
    categories = givenCategories.length > 0 ? [...givenCategories] : distinctSpellings(rows.map((r) => showValue(r.value)));
  }
  const base = { from, to, categories, converted: [], cleared: [] };
  if (from === to && to !== "category") return { ...base, problem: `The attribute is already ${TYPE_LABELS[to]}.` };
  if (to === "category" && categories.length === 0) return { ...base, problem: "List the categories a case may have (one per line)." };
  if (categories.length > CATEGORIES_MAX) {
    return { ...base, problem: `The values have ${categories.length} distinct spellings; a category attribute holds at most ${CATEGORIES_MAX}. List the categories to keep, or keep it as text.` };
  }
  const plan: RetypePlan = { ...base, problem: null };
  for (const row of rows) {
    const after = convertValue(row.value, to, categories);
    if (after === null) plan.cleared.push({ valueId: row.valueId, caseName: row.caseName, before: row.value });
    else plan.converted.push({ valueId: row.valueId, caseName: row.caseName, before: row.value, after });
  }
  return plan;
}

function distinctSpellings(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(v.trim().toLowerCase()) && v.trim()) seen.set(v.trim().toLowerCase(), v.trim());
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "text → number: 12 values convert; 3 cannot and will be cleared: Ana (“twelve”), …". */
export function describeRetype(plan: RetypePlan, shown = 10): string {
  if (plan.problem) return plan.problem;
  const head = `${TYPE_LABELS[plan.from]} → ${TYPE_LABELS[plan.to]}`;
  const total = plan.converted.length + plan.cleared.length;
  if (total === 0) return `${head}: no case has a value yet, so nothing is converted or cleared.`;
  const convert = `${plural(plan.converted.length, "value")} ${plan.converted.length === 1 ? "converts" : "convert"}`;
  if (plan.cleared.length === 0) return `${head}: ${convert}; none is cleared.`;
  const names = plan.cleared.slice(0, shown).map((c) => `${c.caseName} (“${showValue(c.before)}”)`).join(", ");
  const more = plan.cleared.length > shown ? ` and ${plan.cleared.length - shown} more` : "";
  return `${head}: ${convert}; ${plan.cleared.length} cannot and will be cleared: ${names}${more}.`;
}
