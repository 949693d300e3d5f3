import { db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { notFound } from "../../errors";

const CODE_ORDER = [{ position: "asc" }, { name: "asc" }, { id: "asc" }] satisfies Prisma.CodeOrderByWithRelationInput[];
const CODE_FIELDS = { id: true, refiGuid: true, parentId: true, name: true, colour: true, description: true, inclusion: true, exclusion: true, example: true } as const;

/**
 * Everything a REFI-QDA export writes, read in one REPEATABLE READ transaction so the
 * documents, codes and codings are one consistent snapshot even while analysts keep coding.
 * Deleted codes are left out with their codings and memos, as every view hides them.
 */
export async function loadExportData(projectId: string) {
  return db().$transaction((tx) => readExportData(tx, projectId), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000 });
}

/** The reads of loadExportData inside a caller's transaction (a backup takes them in its own snapshot). */
export async function readExportData(tx: Prisma.TransactionClient, projectId: string) {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, description: true, createdAt: true, updatedAt: true } });
  if (!project) throw notFound("That project");
  const where = { projectId };
  // Sequential on purpose: an interactive transaction is one connection.
  const memberships = await tx.membership.findMany({ where: { projectId, role: { in: ["owner", "analyst"] } }, select: { userId: true } });
  const codes = await tx.code.findMany({ where: { projectId, deletedAt: null }, orderBy: CODE_ORDER, select: CODE_FIELDS });
  const attributes = await tx.attributeDefinition.findMany({ where, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, refiGuid: true, name: true, type: true, categories: true } });
  const cases = await tx.case.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, refiGuid: true, name: true, description: true, values: { select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } } },
  });
  const documents = await tx.document.findMany({
    where,
    orderBy: [{ position: "asc" }, { title: "asc" }, { id: "asc" }],
    select: { id: true, refiGuid: true, title: true, text: true, textLength: true, caseId: true, createdAt: true },
  });
  const codings = await tx.coding.findMany({
    where: { projectId, code: { is: { deletedAt: null } } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "asc" }, { id: "asc" }],
    select: { id: true, refiGuid: true, documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, memo: true, createdAt: true },
  });
  const memos = await tx.memo.findMany({
    where: {
      projectId,
      AND: [
        { OR: [{ codeId: null }, { code: { is: { deletedAt: null } } }] },
        { OR: [{ codingId: null }, { coding: { is: { code: { is: { deletedAt: null } } } } }] },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, refiGuid: true, authorId: true, documentId: true, codeId: true, caseId: true, codingId: true, title: true, body: true, createdAt: true },
  });
  const userIds = new Set([...memberships.map((m) => m.userId), ...codings.map((c) => c.coderId), ...memos.map((m) => m.authorId)]);
  const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } });
  return { project, users, codes, attributes, cases, documents, codings, memos };
}

export type ExportData = Awaited<ReturnType<typeof loadExportData>>;

export async function projectOwnerIds(projectId: string): Promise<Set<string>> {
  const owners = await db().membership.findMany({ where: { projectId, role: "owner" }, select: { userId: true } });
  return new Set(owners.map((o) => o.userId));
}

/** The live codebook alone, for a .qdc. */
export async function loadCodebookData(projectId: string) {
  const project = await db().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw notFound("That project");
  return db().code.findMany({ where: { projectId, deletedAt: null }, orderBy: CODE_ORDER, select: CODE_FIELDS });
}

export type ExportCode = Awaited<ReturnType<typeof loadCodebookData>>[number];
