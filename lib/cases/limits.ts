// Kept apart from schema.ts so that the case sheet's forms can show them without bundling zod
// (whose compiled parsers probe for eval, which the pages' CSP refuses).

/** The same as lib/documents/import-schema.ts's CASE_NAME_MAX (a unit test holds them equal). */
export const CASE_NAME_MAX = 200;
export const ATTRIBUTE_NAME_MAX = 200;
/** A display name labels the attribute in reports; empty means the name is shown. */
export const ATTRIBUTE_DISPLAY_NAME_MAX = 200;
/** The limits of the attribute sheet import too (lib/cases/attribute-import.ts). */
export const CATEGORY_VALUE_MAX = 200;
export const TEXT_VALUE_MAX = 5000;
/** A category attribute is a short list a person picks from, not free text. */
export const CATEGORIES_MAX = 100;

export const ATTRIBUTE_TYPES = ["text", "number", "category", "boolean"] as const;
export type AttributeKind = (typeof ATTRIBUTE_TYPES)[number];

export const TYPE_LABELS: Record<AttributeKind, string> = { text: "text", number: "number", category: "category", boolean: "yes/no" };
