import type { ExportCode } from "./data";
import { composeCodeDescription } from "./descriptions";
import type { GuidOf } from "./export-guids";
import { el, textEl, type XmlNode } from "./xml-write";

/**
 * The codebook as <Code> elements, nested as in Grounded (the same shape in project.qde and
 * in a .qdc). Every code is codable (isCodable="true"): Grounded lets any code be applied.
 * A code whose parent is missing is written at the top level, and one only reachable
 * through a cycle too, so no code is lost. Inclusion, exclusion and example travel in the
 * Description (descriptions.ts). GUIDs come from `guidOf` (export-guids.ts): an imported
 * code keeps the GUID it had in its file.
 */
const RGB = /^#(?:[0-9a-f]{6}|[0-9a-f]{3})$/i;

export function codeElements(codes: readonly ExportCode[], guidOf: GuidOf, noteRefs: ReadonlyMap<string, XmlNode[]> = new Map()): XmlNode[] {
  const ids = new Set(codes.map((code) => code.id));
  const children = new Map<string | null, ExportCode[]>();
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(code);
  }
  const written = new Set<string>();
  const element = (code: ExportCode): XmlNode => {
    written.add(code.id);
    const description = composeCodeDescription(code);
    const below = (children.get(code.id) ?? []).filter((child) => !written.has(child.id));
    return el(
      "Code",
      { guid: guidOf("code", code.id), name: code.name, isCodable: true, color: RGB.test(code.colour) ? code.colour : null },
      description !== "" && textEl("Description", description),
      noteRefs.get(code.id),
      below.map(element),
    );
  };
  const roots = (children.get(null) ?? []).map(element);
  // Codes in a parent cycle (a -> b -> a) never hang below a root: write them at the top.
  for (const code of codes) if (!written.has(code.id)) roots.push(element(code));
  return roots;
}
