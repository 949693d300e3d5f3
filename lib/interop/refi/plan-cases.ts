import { AttributeType } from "../../db/generated/enums";
import { parseCategoriesDescription } from "./descriptions";
import type { RefiCase, RefiValue, RefiVariable } from "./model";
import { uniqueName } from "./plan-codes";
import { IMPORT_TEXT_LIMITS, TextLimiter } from "./plan-limits";
import type { ImportWarning, PlannedAttribute, PlannedCase, PlannedValue } from "./plan-types";

/**
 * Variables -> case attributes, cases -> cases with values, and which document belongs to
 * which case. REFI-QDA types map onto ours as: Text -> text (or category, when the
 * description lists categories the way we export them), Boolean -> boolean, Integer and
 * Float -> number, Date and DateTime -> text (we have no date attribute; the value is kept
 * as written). A case may list several sources and a source sit in several cases; a
 * Grounded document has one case, so the first case that lists it wins. Names, descriptions
 * and category values longer than the app's own forms allow are shortened (plan-limits.ts).
 */
export type CasePlan = { attributes: PlannedAttribute[]; cases: PlannedCase[]; caseOfDocument: Map<string, string> };

export function planCases(
  variables: RefiVariable[],
  cases: RefiCase[],
  documents: { resolve(ref: string): string | null; known(ref: string): boolean },
  warnings: ImportWarning[],
): CasePlan {
  const limits = new TextLimiter();
  const max = IMPORT_TEXT_LIMITS;
  const names = new Set<string>();
  const attributes = variables.map((variable, position): PlannedAttribute => {
    const wanted = limits.fit(variable.name, max.attributeName, "case", "variable name(s)", variable.name);
    const name = uniqueName(wanted, names, max.attributeName);
    if (name !== wanted) warnings.push({ kind: "case", message: `Two variables are called "${wanted}"; the second was renamed "${name}".` });
    if (variable.type === "Date" || variable.type === "DateTime") {
      warnings.push({ kind: "case", message: `The variable "${name}" holds dates; Grounded has no date attribute, so its values were kept as text.` });
    }
    const listed = variable.type === "Text" ? parseCategoriesDescription(variable.description) : null;
    const categories = listed && [...new Set(listed.map((c) => limits.fit(c, max.categoryValue, "case", "category value(s)", `${name}: ${c}`)))];
    return { key: variable.guid, name, type: attributeType(variable, categories), categories: categories ?? [], position };
  });
  const attributeByKey = new Map(attributes.map((attribute) => [attribute.key, attribute]));

  const caseNames = new Set<string>();
  const caseOfDocument = new Map<string, string>();
  const planned = cases.map((refiCase, index): PlannedCase => {
    const given = refiCase.name ?? `Case ${index + 1}`;
    const wanted = limits.fit(given, max.caseName, "case", "case name(s)", given);
    const name = uniqueName(wanted, caseNames, max.caseName);
    if (name !== wanted) warnings.push({ kind: "case", message: `Two cases are called "${wanted}"; the second was renamed "${name}".` });
    const values: PlannedValue[] = [];
    for (const { variableGuid, value, raw } of refiCase.values) {
      const attribute = attributeByKey.get(variableGuid);
      if (!attribute) {
        warnings.push({ kind: "case", message: `Case "${name}" has a value for a variable the file does not define (${variableGuid}); it was skipped.` });
        continue;
      }
      if (values.some((v) => v.attributeKey === attribute.key)) {
        warnings.push({ kind: "case", message: `Case "${name}" has two values for "${attribute.name}"; the first was kept.` });
        continue;
      }
      const converted = value && toValue(attribute, value, (text) => limits.fit(text, max.categoryValue, "case", "category value(s)", `${attribute.name}: ${text}`));
      if (!converted) {
        warnings.push({ kind: "case", message: `Case "${name}": the value "${raw.trim()}" of "${attribute.name}" is not a ${attribute.type} value; it was skipped.` });
        continue;
      }
      values.push(converted);
    }
    for (const ref of refiCase.sourceRefs) {
      const documentKey = documents.resolve(ref);
      if (documentKey === null) {
        if (!documents.known(ref)) warnings.push({ kind: "case", message: `Case "${name}" lists a source the file does not contain (${ref}).` });
        continue;
      }
      const earlier = caseOfDocument.get(documentKey);
      if (earlier !== undefined && earlier !== refiCase.guid) {
        warnings.push({ kind: "case", message: `A document belongs to more than one case in the file; in Grounded it stays with the first, not "${name}".` });
        continue;
      }
      caseOfDocument.set(documentKey, refiCase.guid);
    }
    if (refiCase.selectionRefs + refiCase.codeRefs > 0) {
      warnings.push({ kind: "case", message: `Case "${name}" is linked to ${refiCase.selectionRefs} passage(s) and ${refiCase.codeRefs} code(s); Grounded links cases to whole documents, so those links were not imported.` });
    }
    return { key: refiCase.guid, name, description: limits.fit(refiCase.description ?? "", max.caseDescription, "case", "case description(s)", name), values };
  });
  limits.flush(warnings);
  return { attributes, cases: planned, caseOfDocument };
}

function attributeType(variable: RefiVariable, categories: string[] | null): AttributeType {
  if (variable.type === "Boolean") return AttributeType.boolean;
  if (variable.type === "Integer" || variable.type === "Float") return AttributeType.number;
  return categories ? AttributeType.category : AttributeType.text;
}

/** `fitCategory` shortens a category's value as the attribute's list of categories holds it. */
function toValue(attribute: PlannedAttribute, value: RefiValue, fitCategory: (text: string) => string): PlannedValue | null {
  const attributeKey = attribute.key;
  switch (attribute.type) {
    case AttributeType.number: {
      const number = value.kind === "number" ? value.value : value.kind === "text" && value.value.trim() !== "" ? Number(value.value) : Number.NaN;
      return Number.isFinite(number) ? { attributeKey, numberValue: number } : null;
    }
    case AttributeType.boolean: {
      if (value.kind === "boolean") return { attributeKey, booleanValue: value.value };
      const text = value.kind === "text" ? value.value.trim().toLowerCase() : "";
      return text === "true" || text === "false" ? { attributeKey, booleanValue: text === "true" } : null;
    }
    default: {
      const text = attribute.type === AttributeType.category ? fitCategory(String(value.value)) : String(value.value);
      if (attribute.type === AttributeType.category && !attribute.categories.includes(text)) attribute.categories.push(text);
      return { attributeKey, textValue: text };
    }
  }
}
