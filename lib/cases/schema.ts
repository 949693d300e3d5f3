import { z } from "zod";
import { ATTRIBUTE_DISPLAY_NAME_MAX, ATTRIBUTE_NAME_MAX, ATTRIBUTE_TYPES, CASE_NAME_MAX, CATEGORIES_MAX, CATEGORY_VALUE_MAX, TEXT_VALUE_MAX } from "./limits";

const projectId = z.string().trim().min(1).max(64);
const id = z.string().trim().min(1).max(64);

const caseName = z.string().trim().min(1, "Give the case a name.").max(CASE_NAME_MAX, `A case name has at most ${CASE_NAME_MAX} characters.`);
const attributeName = z.string().trim().min(1, "Give the attribute a name.").max(ATTRIBUTE_NAME_MAX, `An attribute name has at most ${ATTRIBUTE_NAME_MAX} characters.`);
const attributeType = z.enum(ATTRIBUTE_TYPES);

// Blank lines are dropped; the same category twice (ignoring case) is refused rather than merged,
// so the owner sees which spelling is kept.
const categories = z
  .array(z.string().trim().max(CATEGORY_VALUE_MAX, `A category has at most ${CATEGORY_VALUE_MAX} characters.`))
  .max(CATEGORIES_MAX, `A category attribute has at most ${CATEGORIES_MAX} categories.`)
  .transform((list) => list.filter(Boolean))
  .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, "A category is listed twice; list each once.")
  .default([]);

export const createCaseSchema = z.object({ projectId, name: caseName });
export const renameCaseSchema = z.object({ projectId, caseId: id, name: caseName });
export const deleteCaseSchema = z.object({ projectId, caseId: id });

/** null (or blank text) clears the value; the mutation checks the value against the attribute's type. */
export const setValueSchema = z.object({
  projectId,
  caseId: id,
  attributeId: id,
  value: z.union([z.string().max(TEXT_VALUE_MAX, `A value has at most ${TEXT_VALUE_MAX.toLocaleString("en")} characters.`), z.number().finite(), z.boolean()]).nullable(),
});

/** caseId null: the document has no case. */
export const linkDocumentSchema = z.object({ projectId, documentId: id, caseId: id.nullable() });

export const createAttributeSchema = z
  .object({ projectId, name: attributeName, type: attributeType, categories })
  .refine((a) => a.type !== "category" || a.categories.length > 0, { path: ["categories"], message: "List the categories a case may have (one per line)." });
export const renameAttributeSchema = z.object({ projectId, attributeId: id, name: attributeName });
/** Blank clears the display name: reports then show the attribute's name. */
export const setAttributeDisplayNameSchema = z.object({
  projectId,
  attributeId: id,
  displayName: z.string().trim().max(ATTRIBUTE_DISPLAY_NAME_MAX, `A display name has at most ${ATTRIBUTE_DISPLAY_NAME_MAX} characters.`),
});
export const deleteAttributeSchema = z.object({ projectId, attributeId: id });

export const previewRetypeSchema = z.object({ projectId, attributeId: id, type: attributeType, categories });
/**
 * `expect` is what the owner was told (from the preview): when the values changed since, the
 * retype is refused with the new figures rather than clearing values nobody was warned about.
 */
export const retypeAttributeSchema = previewRetypeSchema.extend({
  expect: z.object({ converted: z.number().int().min(0), cleared: z.number().int().min(0) }).optional(),
});

export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type RenameCaseInput = z.infer<typeof renameCaseSchema>;
export type DeleteCaseInput = z.infer<typeof deleteCaseSchema>;
export type SetValueInput = z.infer<typeof setValueSchema>;
export type LinkDocumentInput = z.infer<typeof linkDocumentSchema>;
export type CreateAttributeInput = z.infer<typeof createAttributeSchema>;
export type RenameAttributeInput = z.infer<typeof renameAttributeSchema>;
export type SetAttributeDisplayNameInput = z.infer<typeof setAttributeDisplayNameSchema>;
export type DeleteAttributeInput = z.infer<typeof deleteAttributeSchema>;
export type PreviewRetypeInput = z.infer<typeof previewRetypeSchema>;
export type RetypeAttributeInput = z.infer<typeof retypeAttributeSchema>;
