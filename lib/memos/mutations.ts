import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { memoReader } from "./data";
import { canDeleteMemo, canEditMemo } from "./permissions";
import type { CreateMemoInput, DeleteMemoInput, MemoTarget, UpdateMemoInput } from "./schema";
import { mayReadMemo } from "./visibility";

type Tx = Prisma.TransactionClient;

const saved = { id: true, title: true, body: true, authorId: true, documentId: true, codeId: true, caseId: true, codingId: true, createdAt: true, updatedAt: true } as const;
export type SavedMemo = Prisma.MemoGetPayload<{ select: typeof saved }>;

/** The target's column, after checking that the thing is in this project (NOT_FOUND otherwise, as for an id that does not exist). */
async function targetData(tx: Tx, projectId: string, target: MemoTarget): Promise<Partial<Record<"documentId" | "codeId" | "caseId", string>>> {
  switch (target.kind) {
    case "journal":
      return {};
    case "document":
      if (!(await tx.document.findFirst({ where: { id: target.id, projectId }, select: { id: true } }))) throw notFound("That document");
      return { documentId: target.id };
    case "code":
      if (!(await tx.code.findFirst({ where: { id: target.id, projectId, deletedAt: null }, select: { id: true } }))) throw notFound("That code");
      return { codeId: target.id };
    case "case":
      if (!(await tx.case.findFirst({ where: { id: target.id, projectId }, select: { id: true } }))) throw notFound("That case");
      return { caseId: target.id };
  }
}

export async function createMemo(ctx: ProjectContext, input: CreateMemoInput): Promise<SavedMemo> {
  return db().$transaction(async (tx) => {
    const on = await targetData(tx, ctx.projectId, input.target);
    const memo = await tx.memo.create({ data: { projectId: ctx.projectId, authorId: ctx.user.id, title: input.title, body: input.body, ...on }, select: saved });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "memo.create", entity: "Memo", entityId: memo.id, after: memo });
    return memo;
  }, TEAM_WRITE);
}

/**
 * The memo as the caller may know it: NOT_FOUND when it is not in the project or is hidden
 * from them by blind coding (the same answer, so the refusal confirms nothing).
 */
async function readableMemo(ctx: ProjectContext, tx: Tx, memoId: string) {
  const memo = await tx.memo.findFirst({ where: { id: memoId, projectId: ctx.projectId }, select: { ...saved, coding: { select: { documentId: true, coderId: true } } } });
  if (!memo) throw notFound("That memo");
  const reader = await memoReader(ctx.projectId, { id: ctx.user.id, role: ctx.role });
  if (!mayReadMemo(reader.scope, reader.ownerIds, memo)) throw notFound("That memo");
  const { coding: _coding, ...row } = memo;
  return row;
}

export async function updateMemo(ctx: ProjectContext, input: UpdateMemoInput): Promise<SavedMemo> {
  return db().$transaction(async (tx) => {
    const before = await readableMemo(ctx, tx, input.memoId);
    if (!canEditMemo(ctx.role, ctx.user.id, before.authorId)) throw new AppError("FORBIDDEN", "Only its author can edit a memo.");
    // Compare-and-set on updatedAt: two edits from the same old state cannot both land.
    const { count } = await tx.memo.updateMany({ where: { id: before.id, updatedAt: new Date(input.updatedAt) }, data: { title: input.title, body: input.body } });
    if (count === 0) {
      const current = await tx.memo.findUnique({ where: { id: before.id }, select: saved });
      throw new AppError("CONFLICT", "This memo was changed since you opened it (perhaps in another tab). Copy your text, reload, and edit again.", undefined, current);
    }
    const after = await tx.memo.findUniqueOrThrow({ where: { id: before.id }, select: saved });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "memo.update", entity: "Memo", entityId: before.id, before, after });
    return after;
  }, TEAM_WRITE);
}

export async function deleteMemo(ctx: ProjectContext, input: DeleteMemoInput): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const before = await readableMemo(ctx, tx, input.memoId);
    if (!canDeleteMemo(ctx.role, ctx.user.id, before.authorId)) throw new AppError("FORBIDDEN", "Only its author or a project owner can delete a memo.");
    await tx.memo.delete({ where: { id: before.id } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "memo.delete", entity: "Memo", entityId: before.id, before });
    return { id: before.id };
  }, TEAM_WRITE);
}
