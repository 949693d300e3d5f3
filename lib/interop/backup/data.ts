import { db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { notFound } from "../../errors";
import { readExportData } from "../refi/data";

type Tx = Prisma.TransactionClient;

/**
 * Everything a backup holds, read in one REPEATABLE READ transaction: the REFI-QDA export's
 * rows and every row of the project's own tables are one snapshot, so backup.json never names
 * a document whose text the archive lacks, even while the team keeps working.
 */
export async function loadBackupData(projectId: string) {
  return db().$transaction(async (tx) => ({ refi: await readExportData(tx, projectId), rows: await readRows(tx, projectId) }), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: 5 * 60_000,
  });
}

export type LoadedBackup = Awaited<ReturnType<typeof loadBackupData>>;

// Sequential on purpose: an interactive transaction is one connection.
async function readRows(tx: Tx, projectId: string) {
  const where = { projectId };
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { name: true, description: true, blindCoding: true, correctionRole: true, createdAt: true, updatedAt: true } });
  if (!project) throw notFound("That project");
  const memberships = await tx.membership.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { userId: true, role: true, createdAt: true } });
  const attributes = await tx.attributeDefinition.findMany({ where, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, refiGuid: true, name: true, displayName: true, type: true, categories: true, position: true } });
  const cases = await tx.case.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, refiGuid: true, name: true, description: true, createdAt: true, values: { orderBy: { attributeId: "asc" }, select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } } },
  });
  const documents = await tx.document.findMany({
    where,
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      refiGuid: true,
      caseId: true,
      title: true,
      textLength: true,
      checksum: true,
      sourceFormat: true,
      sourceName: true,
      position: true,
      blindCoding: true,
      version: true,
      createdAt: true,
      turns: { orderBy: { index: "asc" }, select: { speaker: true, role: true, start: true, end: true, timestampMs: true } },
    },
  });
  const codes = await tx.code.findMany({ where, orderBy: [{ position: "asc" }, { name: "asc" }, { id: "asc" }] });
  const codings = await tx.coding.findMany({
    where,
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "asc" }, { id: "asc" }],
    select: { id: true, refiGuid: true, documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, memo: true, batchId: true, version: true, createdAt: true, updatedAt: true },
  });
  const memos = await tx.memo.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const findings = await tx.finding.findMany({ where, orderBy: [{ position: "asc" }, { id: "asc" }], include: { evidence: { orderBy: [{ position: "asc" }, { codingId: "asc" }], select: { codingId: true, position: true } } } });
  const assignments = await tx.assignment.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { documentId: true, userId: true, assignedById: true, doneAt: true, createdAt: true } });
  const decisions = await tx.adjudicationDecision.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const consensus = await tx.consensusCoding.findMany({
    where,
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { id: "asc" }],
    select: { documentId: true, codeId: true, decisionId: true, start: true, end: true, quote: true, createdAt: true },
  });
  const stars = await tx.representativeQuote.findMany({ where, orderBy: [{ createdAt: "asc" }, { codingId: "asc" }], select: { codingId: true, starredById: true, createdAt: true } });
  const savedSearches = await tx.savedSearch.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, query: true, createdById: true, createdAt: true, updatedAt: true } });
  const batches = await tx.codingBatch.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, actorId: true, codeId: true, kind: true, source: true, createdAt: true, undoneAt: true } });
  const documentVersions = await tx.documentVersion.findMany({ where, orderBy: [{ documentId: "asc" }, { version: "asc" }], select: { documentId: true, version: true, text: true, turns: true, authorId: true, reason: true, createdAt: true } });
  const corrections = await tx.codingCorrection.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { documentId: true, kind: true, codingId: true, codeId: true, coderId: true, documentVersion: true, status: true, oldStart: true, oldEnd: true, oldQuote: true, newQuote: true, snapshot: true, createdAt: true, resolvedAt: true, resolvedById: true, resolution: true },
  });
  // The project's history, oldest first: the audit log travels with the project.
  const audit = await tx.auditEvent.findMany({ where, orderBy: { id: "asc" }, select: { action: true, entity: true, entityId: true, actorId: true, before: true, after: true, createdAt: true } });

  const userIds = new Set([
    ...memberships.map((m) => m.userId),
    ...codings.map((c) => c.coderId),
    ...memos.map((m) => m.authorId),
    ...findings.map((f) => f.createdById),
    ...assignments.flatMap((a) => [a.userId, a.assignedById]),
    ...decisions.flatMap((d) => (d.undoneById ? [d.decidedById, d.undoneById] : [d.decidedById])),
    ...stars.map((s) => s.starredById),
    ...savedSearches.flatMap((s) => (s.createdById ? [s.createdById] : [])),
    ...batches.flatMap((b) => (b.actorId ? [b.actorId] : [])),
    ...audit.flatMap((e) => (e.actorId ? [e.actorId] : [])),
    ...documentVersions.flatMap((v) => (v.authorId ? [v.authorId] : [])),
    ...corrections.flatMap((c) => [c.coderId, c.resolvedById].filter((u): u is string => u !== null)),
  ]);
  const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, email: true, name: true } });
  return { project, users, memberships, attributes, cases, documents, codes, codings, memos, findings, assignments, decisions, consensus, stars, savedSearches, batches, audit, documentVersions, corrections };
}
