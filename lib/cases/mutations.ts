import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { lockAttribute, lockNames } from "./locks";
import { columnsFor, matchCategory, showValue, storedScalar, type Scalar } from "./retype";
import { TYPE_LABELS, type AttributeKind } from "./limits";
import type { CreateCaseInput, DeleteCaseInput, LinkDocumentInput, RenameCaseInput, SetValueInput } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * The case sheet's writes: cases, their attribute values, and which case a document belongs
 * to. Every one is an owner's (actions.ts), in one transaction with its audit row. The
 * analysis reads (summaries, crosstabs, findings) need no signal: their cache is keyed on the
 * database snapshot, which every commit changes (lib/analysis/snapshot-cache.ts).
 */

async function refuseDuplicateCase(tx: Tx, projectId: string, name: string, exceptId?: string) {
  const clash = await tx.case.findFirst({ where: { projectId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (clash) {
    const message = `A case named “${clash.name}” already exists in this project; case names must differ by more than capitals.`;
    throw new AppError("CONFLICT", message, { name: [message] });
  }
}

async function findCase(tx: Tx, projectId: string, caseId: string) {
  const found = await tx.case.findFirst({ where: { id: caseId, projectId }, select: { id: true, name: true } });
  if (!found) throw notFound("That case");
  return found;
}

export async function createCase(ctx: ProjectContext, input: CreateCaseInput) {
  return db().$transaction(async (tx) => {
    await lockNames(tx, ctx.projectId, "case");
    await refuseDuplicateCase(tx, ctx.projectId, input.name);
    const created = await tx.case.create({ data: { projectId: ctx.projectId, name: input.name }, select: { id: true, name: true } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "case.create", entity: "Case", entityId: created.id, after: created });
    return created;
  }, TEAM_WRITE);
}

export async function renameCase(ctx: ProjectContext, input: RenameCaseInput) {
  return db().$transaction(async (tx) => {
    await lockNames(tx, ctx.projectId, "case");
    const before = await findCase(tx, ctx.projectId, input.caseId);
    await refuseDuplicateCase(tx, ctx.projectId, input.name, input.caseId);
    const after = await tx.case.update({ where: { id: before.id }, data: { name: input.name }, select: { id: true, name: true } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "case.rename", entity: "Case", entityId: before.id, before, after });
    return after;
  }, TEAM_WRITE);
}

export type DeletedCase = { name: string; documents: number; values: number; memos: number };

/**
 * Deletes a case: its documents stay, with no case (the foreign key sets null); its attribute
 * values and its case memos go with it. The audit row keeps the values and the documents' ids,
 * so the case could be rebuilt by hand.
 */
export async function deleteCase(ctx: ProjectContext, input: DeleteCaseInput): Promise<DeletedCase> {
  return db().$transaction(async (tx) => {
    const found = await findCase(tx, ctx.projectId, input.caseId);
    const [documents, values, memos] = await Promise.all([
      tx.document.findMany({ where: { caseId: found.id, projectId: ctx.projectId }, select: { id: true, title: true } }),
      tx.attributeValue.findMany({ where: { caseId: found.id }, select: { attribute: { select: { name: true } }, textValue: true, numberValue: true, booleanValue: true } }),
      tx.memo.count({ where: { caseId: found.id } }),
    ]);
    await tx.case.delete({ where: { id: found.id } });
    const before = { ...found, documents, values: values.map((v) => ({ attribute: v.attribute.name, value: storedScalar(v) })), memos };
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "case.delete", entity: "Case", entityId: found.id, before });
    return { name: found.name, documents: documents.length, values: values.length, memos };
  }, TEAM_WRITE);
}

/** A value as the attribute's type holds it, or a VALIDATION error naming what was expected. */
export function valueForType(attribute: { name: string; type: AttributeKind; categories: string[] }, value: Scalar): Scalar | null {
  const wrong = (what: string) => new AppError("VALIDATION", `“${attribute.name}” holds ${what}; “${showValue(value)}” is not one. Reload the page if the attribute was just changed.`, { value: [`Expected ${what}.`] });
  switch (attribute.type) {
    case "text":
      if (typeof value !== "string") throw wrong("text");
      return value.trim() || null;
    case "category": {
      if (typeof value !== "string") throw wrong(`one of its categories (${attribute.categories.join(", ")})`);
      if (!value.trim()) return null;
      const listed = matchCategory(value, attribute.categories);
      if (listed === null) throw wrong(`one of its categories (${attribute.categories.join(", ")})`);
      return listed;
    }
    case "number":
      if (typeof value !== "number") throw wrong("numbers");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw wrong(TYPE_LABELS.boolean);
      return value;
  }
}

export type SetValueResult = { caseId: string; attributeId: string; value: Scalar | null };

/** Sets one cell of the case sheet; null or blank text clears it. */
export async function setValue(ctx: ProjectContext, input: SetValueInput): Promise<SetValueResult> {
  return db().$transaction(async (tx) => {
    const attribute = await lockAttribute(tx, ctx.projectId, input.attributeId, "share");
    const found = await findCase(tx, ctx.projectId, input.caseId);
    const value = input.value === null ? null : valueForType(attribute, input.value);
    const key = { caseId_attributeId: { caseId: found.id, attributeId: attribute.id } };
    const existing = await tx.attributeValue.findUnique({ where: key, select: { textValue: true, numberValue: true, booleanValue: true } });
    const before = existing ? storedScalar(existing) : null;
    if (value === null) {
      if (existing) await tx.attributeValue.delete({ where: key });
    } else {
      const columns = columnsFor(attribute.type, value);
      await tx.attributeValue.upsert({ where: key, create: { projectId: ctx.projectId, caseId: found.id, attributeId: attribute.id, ...columns }, update: columns });
    }
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "case.value",
      entity: "Case",
      entityId: found.id,
      before: { case: found.name, attribute: attribute.name, value: before },
      after: { case: found.name, attribute: attribute.name, value },
    });
    return { caseId: found.id, attributeId: attribute.id, value };
  }, TEAM_WRITE);
}

export type LinkedDocument = { documentId: string; caseId: string | null; caseName: string | null };

/**
 * Puts a document in a case, or in none. Both must be this project's: Document's foreign key
 * names the case alone (not with its project), so the check here is what keeps a document from
 * joining another study's case.
 */
export async function linkDocument(ctx: ProjectContext, input: LinkDocumentInput): Promise<LinkedDocument> {
  return db().$transaction(async (tx) => {
    const document = await tx.document.findFirst({ where: { id: input.documentId, projectId: ctx.projectId }, select: { id: true, title: true, case: { select: { id: true, name: true } } } });
    if (!document) throw notFound("That document");
    const target = input.caseId === null ? null : await findCase(tx, ctx.projectId, input.caseId);
    await tx.document.update({ where: { id: document.id }, data: { caseId: target?.id ?? null } });
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "document.case",
      entity: "Document",
      entityId: document.id,
      before: { title: document.title, caseId: document.case?.id ?? null, caseName: document.case?.name ?? null },
      after: { title: document.title, caseId: target?.id ?? null, caseName: target?.name ?? null },
    });
    return { documentId: document.id, caseId: target?.id ?? null, caseName: target?.name ?? null };
  }, TEAM_WRITE);
}
