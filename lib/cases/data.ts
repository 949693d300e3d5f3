import { pageWindow, type PageWindow } from "../analysis/paging";
import { db } from "../db/client";
import type { AttributeKind } from "./limits";
import { storedScalar, type Scalar } from "./retype";

export type SheetAttribute = { id: string; name: string; displayName: string; type: AttributeKind; categories: string[]; values: number };
export type SheetCase = { id: string; name: string; values: Record<string, Scalar>; documents: { id: string; title: string }[]; memos: number };
export type SheetDocument = { id: string; title: string; caseId: string | null; caseName: string | null };
export type CaseSheet = { projectName: string; attributes: SheetAttribute[]; cases: SheetCase[]; window: PageWindow; documents: SheetDocument[]; allCases: { id: string; name: string }[] };

/** Cases on a page of the sheet: each row is a cell per attribute and its documents. */
export const CASES_PER_PAGE = 50;

/**
 * The case sheet of a project (callers have checked membership): the attributes in order, a
 * page of cases by name with their values, documents and memo counts, and every document with
 * its case, so the page can offer any document to any case and list those with none. Memo
 * counts (for the owner's delete warning) only when asked: a case's memos may be a blind
 * colleague's, and only owners see them counted.
 */
export async function getCaseSheet(projectId: string, page: number, options: { memoCounts: boolean } = { memoCounts: false }): Promise<CaseSheet> {
  const prisma = db();
  const [project, attributes, counts, allCases, documents] = await Promise.all([
    prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    prisma.attributeDefinition.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, displayName: true, type: true, categories: true } }),
    prisma.attributeValue.groupBy({ by: ["attributeId"], where: { projectId }, _count: { _all: true } }),
    prisma.case.findMany({ where: { projectId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    prisma.document.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, caseId: true } }),
  ]);
  const window = pageWindow(allCases.length, page, CASES_PER_PAGE);
  const shown = allCases.slice(Math.max(0, window.from - 1), window.to);
  const ids = shown.map((c) => c.id);
  const [values, memos] = await Promise.all([
    prisma.attributeValue.findMany({ where: { projectId, caseId: { in: ids } }, select: { caseId: true, attributeId: true, textValue: true, numberValue: true, booleanValue: true } }),
    options.memoCounts ? prisma.memo.groupBy({ by: ["caseId"], where: { projectId, caseId: { in: ids } }, _count: { _all: true } }) : [],
  ]);
  const valueCount = new Map(counts.map((c) => [c.attributeId, c._count._all]));
  const memoCount = new Map(memos.map((m) => [m.caseId, m._count._all]));
  const caseName = new Map(allCases.map((c) => [c.id, c.name]));
  const rows = new Map<string, SheetCase>(shown.map((c) => [c.id, { ...c, values: {}, documents: [], memos: memoCount.get(c.id) ?? 0 }]));
  for (const v of values) {
    const value = storedScalar(v);
    if (value !== null) rows.get(v.caseId)!.values[v.attributeId] = value;
  }
  for (const d of documents) if (d.caseId) rows.get(d.caseId)?.documents.push({ id: d.id, title: d.title });
  return {
    projectName: project.name,
    attributes: attributes.map((a) => ({ ...a, values: valueCount.get(a.id) ?? 0 })),
    cases: [...rows.values()],
    window,
    documents: documents.map((d) => ({ ...d, caseName: d.caseId ? (caseName.get(d.caseId) ?? null) : null })),
    allCases,
  };
}
