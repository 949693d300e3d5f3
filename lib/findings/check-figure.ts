import type { CaseCondition } from "../analysis/case-filter";
import type { AttributeType } from "../db/generated/enums";
import { AppError, notFound } from "../errors";
import { type FindingFigure, figureReferences } from "./figure";

/**
 * Whether a figure can be saved in a project, given the project's rows that it names
 * (the caller loads them, restricted to the project). A code or attribute that is not the
 * project's is NOT_FOUND — the same answer as one that does not exist; a figure that names
 * the project's own rows in a way that cannot work is VALIDATION, with what to change.
 */

export type ProjectCode = { id: string; name: string; deletedAt: Date | null; liveChildren: number };
export type ProjectAttribute = { id: string; name: string; type: AttributeType; categories: string[] };

export function checkFigure(
  figure: FindingFigure | null,
  statedValue: number | null,
  rows: { codes: readonly ProjectCode[]; attributes: readonly ProjectAttribute[] },
): AppError | null {
  if (figure === null) return statedValue === null ? null : new AppError("VALIDATION", "A stated figure needs a computed figure to compare with; define the figure first.");
  if (figure.kind === "code-ranking" && statedValue !== null) {
    return new AppError("VALIDATION", "A ranking has no single value to compare with a stated figure; remove the stated value.");
  }
  const refs = figureReferences(figure);
  const codes = new Map(rows.codes.map((c) => [c.id, c]));
  const attributes = new Map(rows.attributes.map((a) => [a.id, a]));
  if (refs.codeIds.some((id) => !codes.has(id))) return notFound("That code");
  if (refs.attributeIds.some((id) => !attributes.has(id))) return notFound("That case attribute");
  for (const id of refs.codeIds) {
    const code = codes.get(id)!;
    if (code.deletedAt) return new AppError("VALIDATION", `The code "${code.name}" was deleted; choose another code.`);
    if (figure.kind === "code-ranking" && code.liveChildren === 0) return new AppError("VALIDATION", `"${code.name}" has no sub-codes to rank.`);
  }
  if (figure.kind === "attribute-ratio") {
    const notNumber = [...figure.numerator, ...figure.denominator].map((id) => attributes.get(id)!).find((a) => a.type !== "number");
    if (notNumber) return new AppError("VALIDATION", `"${notNumber.name}" is not a number, so it cannot be summed; choose numeric attributes.`);
  }
  for (const condition of refs.filter) {
    const problem = conditionProblem(condition, attributes.get(condition.attributeId)!);
    if (problem) return new AppError("VALIDATION", problem);
  }
  return null;
}

function conditionProblem(condition: CaseCondition, attribute: ProjectAttribute): string | null {
  const values = condition.op === "in" ? condition.values : [condition.value];
  if (condition.op !== "eq" && condition.op !== "in") {
    return attribute.type === "number" ? null : `"${attribute.name}" is not a number; compare it with = or "is one of".`;
  }
  const expected = attribute.type === "number" ? "number" : attribute.type === "boolean" ? "boolean" : "string";
  if (values.some((v) => typeof v !== expected)) return `"${attribute.name}" holds ${attribute.type === "boolean" ? "yes/no" : expected === "string" ? "text" : "numbers"}; the filter compares it with something else.`;
  if (attribute.type === "category") {
    const unknown = values.find((v) => !attribute.categories.includes(v as string));
    if (unknown !== undefined) return `"${unknown}" is not a category of "${attribute.name}" (${attribute.categories.join(", ")}).`;
  }
  return null;
}
