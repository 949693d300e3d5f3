import { parseCodeDescription } from "./descriptions";
import type { RefiCode } from "./model";
import type { ImportWarning, PlannedCode } from "./plan-types";

/**
 * The code tree, parents before children, siblings in file order. Grounded's codebook wants
 * sibling names to differ (ignoring case); a file may repeat one, so a repeat is renamed
 * "Name (2)" and listed. A colour the schema allows (#RGB or #RRGGBB) is kept.
 */
export function planCodes(codes: RefiCode[], warnings: ImportWarning[]): PlannedCode[] {
  const planned: PlannedCode[] = [];
  const visit = (level: RefiCode[], parentKey: string | null, depth: number) => {
    const taken = new Set<string>();
    level.forEach((code, position) => {
      const name = uniqueName(code.name, taken);
      if (name !== code.name) warnings.push({ kind: "code", message: `Two codes at the same level are called "${code.name}"; the second was renamed "${name}".` });
      planned.push({ key: code.guid, parentKey, name, colour: normalizeColour(code.color), ...parseCodeDescription(code.description ?? ""), position, depth });
      visit(code.children, code.guid, depth + 1);
    });
  };
  visit(codes, null, 0);
  return planned;
}

export function normalizeColour(colour: string | null): string | null {
  const value = colour?.trim() ?? "";
  const long = /^#?([0-9a-f]{6})$/i.exec(value);
  if (long) return `#${long[1].toLowerCase()}`;
  const short = /^#?([0-9a-f]{3})$/i.exec(value);
  if (short) return `#${[...short[1].toLowerCase()].map((digit) => digit + digit).join("")}`;
  return null;
}

/** `name`, or "name (2)", "name (3)" ... when taken (case-insensitive); records the result as taken. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
