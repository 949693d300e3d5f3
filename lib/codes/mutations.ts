import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import { AppError, notFound } from "../errors";
import { assertNameFree, assertShortcutFree, auditCode as audit, isSelfOrDescendant, live, loadLiveCode, withNameRule, type Tx } from "./guards";
import { lockCodes, lockLiveCodes } from "./locks";
import { AVOID_MOST_USED, pickCodeColour } from "./palette";
import type { CreateCodeInput, DeleteCodeInput, MergeCodesInput, UpdateCodeInput } from "./schema";

export { moveCode, shiftCode } from "./move";

export async function createCode(ctx: ProjectContext, input: CreateCodeInput) {
  const parentId = input.parentId ?? null;
  return withNameRule(ctx.projectId, async () => ({ parentId, name: input.name }), () => db().$transaction(async (tx) => {
    if (parentId) {
      await lockCodes(tx, ctx.projectId, [parentId], "share"); // not merged or deleted under us
      await loadLiveCode(tx, ctx.projectId, parentId);
    }
    await assertNameFree(tx, ctx.projectId, parentId, input.name);
    if (input.shortcut) await assertShortcutFree(tx, ctx.projectId, input.shortcut);
    const siblings = await tx.code.findMany({ where: { projectId: ctx.projectId, parentId, ...live }, select: { colour: true, position: true } });
    const code = await tx.code.create({
      data: {
        projectId: ctx.projectId,
        parentId,
        name: input.name,
        colour: input.colour ?? (await newCodeColour(tx, ctx.projectId, siblings.map((s) => s.colour))),
        description: input.description ?? "",
        inclusion: input.inclusion ?? "",
        exclusion: input.exclusion ?? "",
        example: input.example ?? "",
        shortcut: input.shortcut ?? null,
        position: Math.max(-1, ...siblings.map((s) => s.position)) + 1,
      },
    });
    await audit(tx, ctx, "code.create", code.id, undefined, code);
    return code;
  }, TEAM_WRITE));
}

/** A colour apart from the siblings' and the most-used codes' (lib/codes/palette.ts). */
export async function newCodeColour(tx: Tx, projectId: string, siblings: string[]): Promise<string> {
  const used = await tx.code.findMany({ where: { projectId, ...live }, select: { colour: true } });
  // Use is read from the passage table (one row per document and code, kept by triggers),
  // not by counting codings: at 150,000 codings that is 25 ms instead of 90-115 ms.
  const mostUsed = await tx.$queryRaw<{ colour: string }[]>`
    SELECT c.colour FROM "PassageSet" p JOIN "Code" c ON c.id = p."codeId" AND c."deletedAt" IS NULL
    WHERE p."projectId" = ${projectId}
    GROUP BY c.id, c.colour ORDER BY sum(p.passages) DESC, c.id LIMIT ${AVOID_MOST_USED}`;
  return pickCodeColour({ siblings, mostUsed: mostUsed.map((r) => r.colour), used: used.map((c) => c.colour) });
}

export async function updateCode(ctx: ProjectContext, { projectId: _p, codeId, ...changes }: UpdateCodeInput) {
  const place = async () => {
    const code = await db().code.findFirst({ where: { id: codeId, projectId: ctx.projectId }, select: { parentId: true, name: true } });
    return code && changes.name ? { parentId: code.parentId, name: changes.name } : null;
  };
  return withNameRule(ctx.projectId, place, () => db().$transaction(async (tx) => {
    await lockLiveCodes(tx, ctx.projectId, [codeId]);
    const before = await loadLiveCode(tx, ctx.projectId, codeId);
    if (changes.name !== undefined && changes.name.toLowerCase() !== before.name.toLowerCase()) {
      await assertNameFree(tx, ctx.projectId, before.parentId, changes.name, codeId);
    }
    if (changes.shortcut && changes.shortcut !== before.shortcut) await assertShortcutFree(tx, ctx.projectId, changes.shortcut);
    const after = await tx.code.update({ where: { id: codeId }, data: changes });
    await audit(tx, ctx, "code.update", codeId, before, after);
    return after;
  }, TEAM_WRITE));
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
  const place = () => db().code.findFirst({ where: { id: input.codeId, projectId: ctx.projectId }, select: { parentId: true, name: true } });
  return withNameRule(ctx.projectId, place, () => db().$transaction(async (tx) => {
    await lockCodes(tx, ctx.projectId, [input.codeId], "update");
    const before = await tx.code.findFirst({ where: { id: input.codeId, projectId: ctx.projectId } });
    if (!before) throw notFound("That code");
    if (!before.deletedAt) return before;
    let parentId = before.parentId;
    if (parentId && !(await tx.code.findFirst({ where: { id: parentId, ...live } }))) {
      await tx.code.update({ where: { id: before.id }, data: { parentId: null } });
      parentId = null;
    }
    await assertNameFree(tx, ctx.projectId, parentId, before.name);
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
  }, TEAM_WRITE));
}
