/**
 * Grounded keeps more about a code than REFI-QDA has fields for (Project.xsd's CodeType has
 * one <Description>), and more about an attribute (its categories) than a Variable's type
 * says. Both are written into the Description as plain, readable text that NVivo, ATLAS.ti,
 * MAXQDA and QualCoder show as it is, and read back from it on import:
 *
 *   <description>\n\nInclusion: <inclusion>\n\nExclusion: <exclusion>\n\nExample: <example>
 *
 * (sections only when not empty), and for a category attribute, a Text variable described as
 *
 *   Categories, in order:\n<first>\n<second>...
 */
export type CodeTexts = { description: string; inclusion: string; exclusion: string; example: string };

const SECTIONS = [
  ["inclusion", "Inclusion: "],
  ["exclusion", "Exclusion: "],
  ["example", "Example: "],
] as const;

export function composeCodeDescription(code: CodeTexts): string {
  const parts = [code.description, ...SECTIONS.map(([field, label]) => (code[field] ? `${label}${code[field]}` : ""))];
  return parts.filter((part) => part !== "").join("\n\n");
}

/** Splits labelled sections off the end of a description, last first; text before them is the description. */
export function parseCodeDescription(text: string): CodeTexts {
  const result: CodeTexts = { description: "", inclusion: "", exclusion: "", example: "" };
  let rest = text;
  for (const [field, label] of [...SECTIONS].reverse()) {
    const inner = rest.lastIndexOf(`\n\n${label}`);
    if (inner !== -1) {
      result[field] = rest.slice(inner + 2 + label.length);
      rest = rest.slice(0, inner);
    } else if (rest.startsWith(label)) {
      result[field] = rest.slice(label.length);
      rest = "";
    }
  }
  result.description = rest;
  return result;
}

const CATEGORIES_HEADER = "Categories, in order:";

/** null when a category cannot be written one per line (a category holding a line break). */
export function composeCategoriesDescription(categories: readonly string[]): string | null {
  if (categories.some((category) => /[\r\n]/.test(category) || category.trim() !== category || category === "")) return null;
  return [CATEGORIES_HEADER, ...categories].join("\n");
}

export function parseCategoriesDescription(text: string | null): string[] | null {
  if (text === null) return null;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[0].trim() !== CATEGORIES_HEADER) return null;
  return [...new Set(lines.slice(1).map((line) => line.trim()).filter((line) => line !== ""))];
}
