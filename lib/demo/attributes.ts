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

export type DemoAttribute = { name: string; displayName: string; type: AttributeType; categories: string[]; position: number };

// The labels the published report would use; the column names stay the attributes' names.
const DISPLAY_NAMES: Record<string, string> = { sector: "Sector", respondent_role: "Respondent's role", organisation: "Organisation", respondents: "Respondents", projects: "Projects" };
const PROJECT_GROUPS: [prefix: string, label: string][] = [["tf_only", "TensorFlow-only projects"], ["tf_plus", "TensorFlow-and-other projects"], ["no_tf", "Projects without TensorFlow"]];
const DEPLOYMENTS: Record<string, string> = { aws: "on AWS", other_cloud: "on another cloud", on_premise: "on premises", mixed: "mixed deployment" };

/** "tf_only_aws" -> "TensorFlow-only projects on AWS"; a column not known here keeps no display name (its name shows). */
export function demoDisplayName(column: string): string {
  if (DISPLAY_NAMES[column]) return DISPLAY_NAMES[column];
  for (const [prefix, label] of PROJECT_GROUPS) {
    if (column === prefix) return label;
    const where = column.startsWith(`${prefix}_`) ? DEPLOYMENTS[column.slice(prefix.length + 1)] : undefined;
    if (where) return `${label} ${where}`;
  }
  return "";
}

export type DemoAttributeValue = { textValue: string } | { numberValue: number };

export function demoAttributes(columns: string[], cases: DemoCase[]): DemoAttribute[] {
  return columns
    .filter((name) => !NOT_ATTRIBUTES.has(name))
    .map((name, position) => {
      if (CATEGORY_COLUMNS.has(name)) {
        const categories = [...new Set(cases.map((c) => c.row[name].trim()))];
        return { name, displayName: demoDisplayName(name), type: AttributeType.category, categories, position };
      }
      return { name, displayName: demoDisplayName(name), type: TEXT_COLUMNS.has(name) ? AttributeType.text : AttributeType.number, categories: [], position };
    });
}

/** The value of one attribute for one case (counts were checked to be whole numbers on reading). */
export function demoAttributeValue(attribute: DemoAttribute, demoCase: DemoCase): DemoAttributeValue {
  const raw = demoCase.row[attribute.name].trim();
  return attribute.type === AttributeType.number ? { numberValue: Number(raw) } : { textValue: raw };
}
