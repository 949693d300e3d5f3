import { parseCodeDescription } from "./descriptions";
import type { RefiCode } from "./model";
import { checkCodeCount, IMPORT_TEXT_LIMITS, shorten, TextLimiter } from "./plan-limits";
import type { ImportWarning, PlannedCode } from "./plan-types";

/**
 * The code tree, parents before children, siblings in file order. Grounded's codebook wants
 * sibling names to differ (ignoring case); a file may repeat one, so a repeat is renamed
 * "Name (2)" and listed. A colour the schema allows (#RGB or #RRGGBB) is kept. Names and
 * definitions longer than the codebook's own forms allow are shortened, and a codebook of
 * more codes than one import may bring is refused (plan-limits.ts).
 */
export function planCodes(codes: RefiCode[], warnings: ImportWarning[], fileName = "The file"): PlannedCode[] {
  checkCodeCount(countCodes(codes), fileName);
  const limits = new TextLimiter();
  const { codeName, codeText } = IMPORT_TEXT_LIMITS;
  const planned: PlannedCode[] = [];
  const visit = (level: RefiCode[], parentKey: string | null, depth: number) => {
    const taken = new Set<string>();
    level.forEach((code, position) => {
      const wanted = limits.fit(code.name, codeName, "code", "code name(s)", code.name);
      const name = uniqueName(wanted, taken, codeName);
      if (name !== wanted) warnings.push({ kind: "code", message: `Two codes at the same level are called "${wanted}"; the second was renamed "${name}".` });
      const texts = parseCodeDescription(code.description ?? "");
      const what = "code definition text(s) (description, inclusion, exclusion or example)";
      const fitted = {
        description: limits.fit(texts.description, codeText, "code", what, name),
        inclusion: limits.fit(texts.inclusion, codeText, "code", what, name),
        exclusion: limits.fit(texts.exclusion, codeText, "code", what, name),
        example: limits.fit(texts.example, codeText, "code", what, name),
      };
      planned.push({ key: code.guid, parentKey, name, colour: normalizeColour(code.color), ...fitted, position, depth });
      visit(code.children, code.guid, depth + 1);
    });
  };
  visit(codes, null, 0);
  limits.flush(warnings);
  return planned;
}

/** Codes at every level, without recursion (a hostile file may nest deeply). */
export function countCodes(codes: RefiCode[]): number {
  let count = 0;
  const stack = [...codes];
  for (let code = stack.pop(); code; code = stack.pop()) {
    count++;
    stack.push(...code.children);
  }
  return count;
}

export function normalizeColour(colour: string | null): string | null {
  const value = colour?.trim() ?? "";
  const long = /^#?([0-9a-f]{6})$/i.exec(value);
  if (long) return `#${long[1].toLowerCase()}`;
  const short = /^#?([0-9a-f]{3})$/i.exec(value);
  if (short) return `#${[...short[1].toLowerCase()].map((digit) => digit + digit).join("")}`;
  return null;
}

/**
 * `name`, or "name (2)", "name (3)" ... when taken (case-insensitive); records the result as
 * taken. With `max`, the name is shortened so that the suffix still fits.
 */
export function uniqueName(name: string, taken: Set<string>, max = Infinity): string {
  // Where the search for a free number left off, per name: 10,000 siblings of one name would
  // otherwise try 1 + 2 + ... + 10,000 candidates.
  const next = nextSuffix.get(taken) ?? nextSuffix.set(taken, new Map()).get(taken)!;
  const base = name.toLowerCase();
  let candidate = name;
  for (let n = next.get(base) ?? 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${name.length + suffix.length > max ? shorten(name, max - suffix.length) : name}${suffix}`;
    next.set(base, n + 1);
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();
