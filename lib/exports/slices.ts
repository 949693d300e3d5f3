import type { CodingFilter } from "../codings/export";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import type { SliceQuery } from "./schema";

export type ResolvedSlice = { filter: CodingFilter; title: string };

/**
 * The codings filter a slice names, and a title for its file, after checking that every id
 * it names is this project's: an id of another project (or a deleted code) is NOT_FOUND, the
 * answer an id that does not exist gets, never an empty file that would confirm nothing.
 */
export async function resolveSlice(projectId: string, query: SliceQuery): Promise<ResolvedSlice> {
  switch (query.slice) {
    case "code": {
      const { code, codeIds } = await codeSubtree(projectId, query.id, query.subcodes);
      return { filter: { codeIds }, title: `codings-${code.name}${query.subcodes && codeIds.length > 1 ? "-with-sub-codes" : ""}` };
    }
    case "document": {
      const document = await db().document.findFirst({ where: { id: query.id, projectId }, select: { id: true, title: true } });
      if (!document) throw notFound("That document");
      return { filter: { documentIds: [document.id] }, title: `codings-${document.title}` };
    }
    case "case": {
      const found = await db().case.findFirst({ where: { id: query.id, projectId }, select: { name: true, documents: { select: { id: true } } } });
      if (!found) throw notFound("That case");
      return { filter: { documentIds: found.documents.map((d) => d.id) }, title: `codings-case-${found.name}` };
    }
    case "attribute": {
      const attribute = await db().attributeDefinition.findFirst({ where: { id: query.id, projectId }, select: { id: true, name: true, displayName: true, type: true } });
      if (!attribute) throw notFound("That attribute");
      const documents = await db().document.findMany({
        where: { projectId, case: { values: { some: { attributeId: attribute.id, ...valueWhere(attribute.type, query.value) } } } },
        select: { id: true },
      });
      return { filter: { documentIds: documents.map((d) => d.id) }, title: `codings-${attribute.displayName || attribute.name}-${query.value}` };
    }
  }
}

/** A code of the project and, with `subcodes`, every code below it (deleted ones left out). */
export async function codeSubtree(projectId: string, codeId: string, subcodes: boolean) {
  const code = await db().code.findFirst({ where: { id: codeId, projectId, deletedAt: null }, select: { id: true, name: true, description: true } });
  if (!code) throw notFound("That code");
  if (!subcodes) return { code, codeIds: [code.id] };
  const codes = await db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const c of codes) if (c.parentId) (children.get(c.parentId) ?? children.set(c.parentId, []).get(c.parentId)!).push(c.id);
  const ids = new Set([code.id]);
  // Breadth first; the set keeps a (corrupt) cycle from looping forever.
  for (const id of ids) for (const child of children.get(id) ?? []) ids.add(child);
  return { code, codeIds: [...ids] };
}

function valueWhere(type: "text" | "number" | "category" | "boolean", value: string) {
  if (type === "number") {
    const number = Number(value);
    if (!Number.isFinite(number)) throw new AppError("VALIDATION", "That attribute holds numbers: give a number.");
    return { numberValue: number };
  }
  if (type === "boolean") {
    if (value !== "true" && value !== "false") throw new AppError("VALIDATION", "That attribute is yes or no: give true or false.");
    return { booleanValue: value === "true" };
  }
  return { textValue: value };
}
