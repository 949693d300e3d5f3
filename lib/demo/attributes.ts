import { AttributeType } from "../db/generated/enums";
import type { DemoCase } from "./files";

/**
 * cases.csv columns become case attributes: "sector" is a category (its values, in order
 * of first appearance, are the categories), the descriptive columns are text, and every
 * other column is a count. "case" and "document" are not attributes: they name the Case
 * and its Document.
 */

const NOT_ATTRIBUTES = new Set(["case", "document"]);
const CATEGORY_COLUMNS = new Set(["sector"]);
const TEXT_COLUMNS = new Set(["respondent_role", "organisation", "respondents"]);

export type DemoAttribute = { name: string; type: AttributeType; categories: string[]; position: number };

export type DemoAttributeValue = { textValue: string } | { numberValue: number };

export function demoAttributes(columns: string[], cases: DemoCase[]): DemoAttribute[] {
  return columns
    .filter((name) => !NOT_ATTRIBUTES.has(name))
    .map((name, position) => {
      if (CATEGORY_COLUMNS.has(name)) {
        const categories = [...new Set(cases.map((c) => c.row[name].trim()))];
        return { name, type: AttributeType.category, categories, position };
      }
      return { name, type: TEXT_COLUMNS.has(name) ? AttributeType.text : AttributeType.number, categories: [], position };
    });
}

/** The value of one attribute for one case (counts were checked to be whole numbers on reading). */
export function demoAttributeValue(attribute: DemoAttribute, demoCase: DemoCase): DemoAttributeValue {
  const raw = demoCase.row[attribute.name].trim();
  return attribute.type === AttributeType.number ? { numberValue: Number(raw) } : { textValue: raw };
}
