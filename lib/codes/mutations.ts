import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { lockCodes, lockLiveCodes } from "./locks";
import { nextPaletteColour } from "./palette";
import type { CreateCodeInput, DeleteCodeInput, MergeCodesInput, MoveCodeInput, UpdateCodeInput } from "./schema";

type Tx = Prisma.TransactionClient;
const live = { deletedAt: null };

export async function createCode(ctx: ProjectContext, input: CreateCodeInput) {
  return db().$transaction(async (tx) => {
    const parentId = input.parentId ?? null;
    if (parentId) {
      await lockCodes(tx, ctx.projectId, [parentId], "share"); // not merged or deleted under us
      await loadLiveCode(tx, ctx.projectId, parentId);
    }
    await assertNameFree(tx, ctx.projectId, parentId, input.name);
    if (input.shortcut) await assertShortcutFree(tx, ctx.projectId, input.shortcut);
    const siblings = await tx.code.aggregate({ where: { projectId: ctx.projectId, parentId, ...live }, _max: { position: true } });
    const used = await tx.code.findMany({ where: { projectId: ctx.projectId, ...live }, select: { colour: true } });
    const code = await tx.code.create({
      data: {
        projectId: ctx.projectId,
        parentId,
        name: input.name,
        colour: input.colour ?? nextPaletteColour(used.map((c) => c.colour)),
        description: input.description ?? "",
        shortcut: input.shortcut ?? null,
        position: (siblings._max.position ?? -1) + 1,
      },
    });
    await audit(tx, ctx, "code.create", code.id, undefined, code);
    return code;
  }, TEAM_WRITE);
}

export async function updateCode(ctx: ProjectContext, { projectId: _p, codeId, ...changes }: UpdateCodeInput) {
  return db().$transaction(async (tx) => {
    await lockLiveCodes(tx, ctx.projectId, [codeId]);
    const before = await loadLiveCode(tx, ctx.projectId, codeId);
    if (changes.name !== undefined && changes.name.toLowerCase() !== before.name.toLowerCase()) {
      await assertNameFree(tx, ctx.projectId, before.parentId, changes.name);
    }
    if (changes.shortcut && changes.shortcut !== before.shortcut) await assertShortcutFree(tx, ctx.projectId, changes.shortcut);
    const after = await tx.code.update({ where: { id: codeId }, data: changes });
    await audit(tx, ctx, "code.update", codeId, before, after);
    return after;
  }, TEAM_WRITE);
}

/** Drag and drop: move under `parentId` (null: top level) at `position` among the siblings. */
export async function moveCode(ctx: ProjectContext, input: MoveCodeInput) {
  return db().$transaction(async (tx) => {
    // The code and its new parent together, in one ordered lock: a merge or another move of
    // either waits, then this sees its outcome (a parent merged away is NOT_FOUND).
    await lockLiveCodes(tx, ctx.projectId, input.parentId ? [input.codeId, input.parentId] : [input.codeId]);
    const before = await loadLiveCode(tx, ctx.projectId, input.codeId);
    if (input.parentId) {
      await loadLiveCode(tx, ctx.projectId, input.parentId);
      if (await isSelfOrDescendant(tx, ctx.projectId, input.codeId, input.parentId)) {
        throw new AppError("VALIDATION", `"${before.name}" cannot go inside itself or one of its own sub-codes.`);
      }
    }
    if (input.parentId !== before.parentId) await assertNameFree(tx, ctx.projectId, input.parentId, before.name);
    const siblings = await tx.code.findMany({
      where: { projectId: ctx.projectId, parentId: input.parentId, ...live, id: { not: input.codeId } },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true },
    });
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(input.position, order.length), 0, input.codeId);
    for (const [position, id] of order.entries()) {
      await tx.code.update({ where: { id }, data: id === input.codeId ? { position, parentId: input.parentId } : { position } });
    }
    const after = await tx.code.findUniqueOrThrow({ where: { id: input.codeId } });
    await audit(tx, ctx, "code.move", input.codeId, before, after);
    return after;
  }, TEAM_WRITE);
}

/**
 * Merges `source` into `target`: its codings become the target's (a coding the same analyst
 * already has with the target on the same span is dropped, not duplicated), its sub-codes move
 * under the target, and the source is deleted (recoverably, like any deleted code).
 */
export async function mergeCodes(ctx: ProjectContext, input: MergeCodesInput) {
  return db().$transaction(async (tx) => {
    // Applies of either code wait for the merge (and then are refused or land on the target);
    // a merge waits for applies already under way, then moves their codings too.
    await lockLiveCodes(tx, ctx.projectId, [input.sourceId, input.targetId]);
    const source = await loadLiveCode(tx, ctx.projectId, input.sourceId);
    const target = await loadLiveCode(tx, ctx.projectId, input.targetId);
    if (await isSelfOrDescendant(tx, ctx.projectId, source.id, target.id)) {
      throw new AppError("VALIDATION", `"${source.name}" cannot be merged into its own sub-code "${target.name}".`);
    }
    const duplicates = await tx.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Coding" s
      JOIN "Coding" t ON t."codeId" = ${target.id} AND t."documentId" = s."documentId"
        AND t."coderId" = s."coderId" AND t."start" = s."start" AND t."end" = s."end"
      WHERE s."codeId" = ${source.id}`;
    const dropped = await tx.coding.findMany({ where: { id: { in: duplicates.map((d) => d.id) } } });
    await tx.coding.deleteMany({ where: { id: { in: dropped.map((d) => d.id) } } });
    const moved = await tx.coding.updateMany({ where: { codeId: source.id }, data: { codeId: target.id, version: { increment: 1 } } });
    await tx.code.updateMany({ where: { parentId: source.id, projectId: ctx.projectId }, data: { parentId: target.id } });
    // What hangs on the code itself follows it too, or it would vanish with the deleted source:
    // its memos, and the adjudicated consensus (decisions and their spans) of its passages.
    const where = { codeId: source.id, projectId: ctx.projectId };
    await tx.memo.updateMany({ where, data: { codeId: target.id } });
    await tx.adjudicationDecision.updateMany({ where, data: { codeId: target.id } });
    await tx.consensusCoding.updateMany({ where, data: { codeId: target.id } });
    const deleted = await tx.code.update({ where: { id: source.id }, data: { deletedAt: new Date() } });
    await audit(tx, ctx, "code.merge", source.id, source, { mergedInto: target.id, movedCodings: moved.count, droppedDuplicates: dropped, deleted });
    return { target, movedCodings: moved.count, droppedDuplicates: dropped.length };
  }, TEAM_WRITE);
}

/**
 * Deletes a code: it disappears with its codings from every view, but nothing is erased
 * (deletedAt), so restoreCode brings both back. Its sub-codes move up to its parent.
 */
export async function deleteCode(ctx: ProjectContext, input: DeleteCodeInput) {
  return db().$transaction(async (tx) => {
    await lockLiveCodes(tx, ctx.projectId, [input.codeId]);
    const before = await loadLiveCode(tx, ctx.projectId, input.codeId);
    const codings = await tx.coding.count({ where: { codeId: before.id } });
    const children = await tx.code.findMany({ where: { parentId: before.id, ...live }, select: { id: true } });
    await tx.code.updateMany({ where: { id: { in: children.map((c) => c.id) } }, data: { parentId: before.parentId } });
    const after = await tx.code.update({ where: { id: before.id }, data: { deletedAt: new Date() } });
    await audit(tx, ctx, "code.delete", before.id, { ...before, codings, children: children.map((c) => c.id) }, after);
    return { code: after, hiddenCodings: codings };
  }, TEAM_WRITE);
}

export async function restoreCode(ctx: ProjectContext, input: DeleteCodeInput) {
  return db().$transaction(async (tx) => {
    await lockCodes(tx, ctx.projectId, [input.codeId], "update");
    const before = await tx.code.findFirst({ where: { id: input.codeId, projectId: ctx.projectId } });
    if (!before) throw notFound("That code");
    if (!before.deletedAt) return before;
    if (before.parentId && !(await tx.code.findFirst({ where: { id: before.parentId, ...live } }))) {
      await tx.code.update({ where: { id: before.id }, data: { parentId: null } });
    }
    await assertNameFree(tx, ctx.projectId, before.parentId, before.name);
    if (before.shortcut && (await tx.code.findFirst({ where: { projectId: ctx.projectId, shortcut: before.shortcut, ...live } }))) {
      await tx.code.update({ where: { id: before.id }, data: { shortcut: null } });
    }
    const after = await tx.code.update({ where: { id: before.id }, data: { deletedAt: null } });
    // Sub-codes moved up by the delete come back under it, unless someone moved them since.
    const deletion = await tx.auditEvent.findFirst({ where: { entity: "Code", entityId: before.id, action: "code.delete" }, orderBy: { id: "desc" } });
    const children = ((deletion?.before as { children?: string[] } | null)?.children ?? []).filter((id) => typeof id === "string");
    await tx.code.updateMany({ where: { id: { in: children }, projectId: ctx.projectId, parentId: after.parentId, ...live }, data: { parentId: after.id } });
    await audit(tx, ctx, "code.restore", before.id, before, after);
    return after;
  }, TEAM_WRITE);
}

async function loadLiveCode(tx: Tx, projectId: string, codeId: string) {
  const code = await tx.code.findFirst({ where: { id: codeId, projectId, ...live } });
  if (!code) throw notFound("That code");
  return code;
}

async function assertNameFree(tx: Tx, projectId: string, parentId: string | null, name: string) {
  const clash = await tx.code.findFirst({ where: { projectId, parentId, ...live, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", `There is already a code called "${name}" here.`);
}

async function assertShortcutFree(tx: Tx, projectId: string, shortcut: string) {
  const clash = await tx.code.findFirst({ where: { projectId, shortcut, ...live }, select: { name: true } });
  if (clash) throw new AppError("CONFLICT", `The shortcut "${shortcut}" already applies "${clash.name}".`);
}

/** Whether `candidate` is `codeId` itself or below it in the tree (a move there would make a cycle). */
async function isSelfOrDescendant(tx: Tx, projectId: string, codeId: string, candidate: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE below AS (
      SELECT id FROM "Code" WHERE id = ${codeId} AND "projectId" = ${projectId}
      UNION SELECT c.id FROM "Code" c JOIN below b ON c."parentId" = b.id
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE id = ${candidate}) AS found`;
  return rows[0]?.found ?? false;
}

function audit(tx: Tx, ctx: ProjectContext, action: string, entityId: string, before: unknown, after: unknown) {
  return recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action, entity: "Code", entityId, before, after });
}
