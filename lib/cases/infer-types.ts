import type { AttributeType } from "../db/generated/enums";

const TRUE = new Set(["yes", "y", "true", "1"]);
const FALSE = new Set(["no", "n", "false", "0"]);

export function parseNumber(raw: string): number | null {
  const cleaned = raw.replace(/[\s\u00a0]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  return Number(cleaned);
}

export function parseBoolean(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : null;
}

/**
 * A column's likely type from its values (blanks ignored): boolean when every value is a
 * yes/no word, number when every value is numeric, category when few distinct values
 * repeat, text otherwise. Only a proposal: the person confirms or changes it.
 */
export function inferAttributeType(values: string[]): AttributeType {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return "text";
  const booleanWords = filled.every((v) => parseBoolean(v) !== null) && filled.some((v) => !/^[01]$/.test(v));
  if (booleanWords) return "boolean";
  if (filled.every((v) => parseNumber(v) !== null)) return "number";
  const distinct = new Set(filled.map((v) => v.toLowerCase()));
  if (distinct.size <= Math.max(2, Math.min(12, Math.ceil(filled.length / 2))) && distinct.size < filled.length) return "category";
  return "text";
}
