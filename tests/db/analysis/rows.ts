import type { Db } from "../../../lib/db/client";
import type { AnalysisRows } from "../../../lib/analysis/reference";

/** A project's rows, read plainly through Prisma, for the TypeScript reference computation. */
export async function loadRows(prisma: Db, projectId: string): Promise<AnalysisRows> {
  const [codes, documents, cases, values, codings, consensus] = await Promise.all([
    prisma.code.findMany({ where: { projectId }, select: { id: true, parentId: true, deletedAt: true } }),
    prisma.document.findMany({ where: { projectId }, select: { id: true, caseId: true } }),
    prisma.case.findMany({ where: { projectId }, select: { id: true } }),
    prisma.attributeValue.findMany({ where: { projectId }, select: { caseId: true, attributeId: true, textValue: true, numberValue: true, booleanValue: true } }),
    prisma.coding.findMany({ where: { projectId }, select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true } }),
    prisma.consensusCoding.findMany({ where: { projectId, decision: { undoneAt: null } }, select: { id: true, documentId: true, codeId: true, start: true, end: true } }),
  ]);
  return { codes, documents, cases, values, codings, consensus: consensus.map((c) => ({ ...c, coderId: "" })) };
}
