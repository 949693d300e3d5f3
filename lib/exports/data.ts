import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { notFound } from "../errors";

const VALUES_PER_ATTRIBUTE = 200;

export type ExportChoices = {
  projectName: string;
  codes: { id: string; name: string; depth: number; childCount: number }[];
  documents: { id: string; title: string }[];
  cases: { id: string; name: string }[];
  attributes: { id: string; label: string; values: string[] }[];
};

/**
 * What the exports page offers: the codebook as a tree, the interviews, the cases, and each
 * attribute with the values cases have (a category's in its own order), so a member picks a
 * slice from what exists rather than typing ids.
 */
export async function exportChoices(projectId: string): Promise<ExportChoices> {
  const [project, codes, documents, cases, attributes, values] = await Promise.all([
    db().project.findUnique({ where: { id: projectId }, select: { name: true } }),
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, position: true } }),
    db().document.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true } }),
    db().case.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, name: true, displayName: true, type: true, categories: true } }),
    db().attributeValue.findMany({ where: { projectId }, distinct: ["attributeId", "textValue", "numberValue"], select: { attributeId: true, textValue: true, numberValue: true } }),
  ]);
  if (!project) throw notFound("That project");
  const used = new Map<string, string[]>();
  for (const v of values) {
    const text = v.textValue ?? (v.numberValue === null ? null : String(v.numberValue));
    if (text !== null) (used.get(v.attributeId) ?? used.set(v.attributeId, []).get(v.attributeId)!).push(text);
  }
  return {
    projectName: project.name,
    codes: flattenCodeTree(codes).map(({ id, name, depth, childCount }) => ({ id, name, depth, childCount })),
    documents,
    cases,
    attributes: attributes.map((a) => {
      const inUse = used.get(a.id) ?? [];
      const ordered =
        a.type === "boolean" ? ["true", "false"]
        : a.type === "category" ? [...a.categories, ...inUse.filter((v) => !a.categories.includes(v))]
        : a.type === "number" ? [...inUse].sort((x, y) => Number(x) - Number(y))
        : [...inUse].sort((x, y) => x.localeCompare(y));
      return { id: a.id, label: a.displayName || a.name.replaceAll("_", " "), values: ordered.slice(0, VALUES_PER_ATTRIBUTE) };
    }),
  };
}
