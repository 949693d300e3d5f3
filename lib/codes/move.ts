import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import { AppError } from "../errors";
import { assertNameFree, auditCode, isSelfOrDescendant, loadLiveCode, siblingIds, withNameRule, type Tx } from "./guards";
import { lockLiveCodes } from "./locks";
import type { MoveCodeInput, ShiftCodeInput } from "./schema";

/** Drag and drop: move under `parentId` (null: top level) at `position` among the siblings. */
export async function moveCode(ctx: ProjectContext, input: MoveCodeInput) {
  return withNameRule(ctx.projectId, () => placeOf(ctx.projectId, input.codeId, input.parentId), () => db().$transaction(async (tx) => {
    // The code and its new parent together, in one ordered lock: a merge or another move of
    // either waits, then this sees its outcome (a parent merged away is NOT_FOUND).
    await lockLiveCodes(tx, ctx.projectId, input.parentId ? [input.codeId, input.parentId] : [input.codeId]);
    const before = await loadLiveCode(tx, ctx.projectId, input.codeId);
    return place(tx, ctx, before, input.parentId, input.position);
  }, TEAM_WRITE));
}

/**
 * The keyboard's moves, relative to where the code is: "up"/"down" swap it with the sibling
 * before/after it, "indent" makes it the last sub-code of the sibling before it, "outdent" puts
 * it just after its parent, among the parent's siblings. A move that has nowhere to go (the first
 * code up, a top-level code out) is refused with VALIDATION, saying why.
 */
export async function shiftCode(ctx: ProjectContext, input: ShiftCodeInput) {
  let destination: { parentId: string | null; name: string } | null = null;
  return withNameRule(ctx.projectId, async () => destination, () => db().$transaction(async (tx) => {
    await lockLiveCodes(tx, ctx.projectId, [input.codeId]);
    const code = await loadLiveCode(tx, ctx.projectId, input.codeId);
    const siblings = await siblingIds(tx, ctx.projectId, code.parentId);
    const at = siblings.indexOf(code.id);
    const refuse = (why: string) => new AppError("VALIDATION", `"${code.name}" ${why}.`);
    let target: { parentId: string | null; position: number };
    switch (input.direction) {
      case "up":
        if (at <= 0) throw refuse("is already first among its siblings");
        target = { parentId: code.parentId, position: at - 1 };
        break;
      case "down":
        if (at >= siblings.length - 1) throw refuse("is already last among its siblings");
        target = { parentId: code.parentId, position: at + 1 };
        break;
      case "indent": {
        if (at <= 0) throw refuse("has no code before it to go under");
        const parentId = siblings[at - 1];
        await lockLiveCodes(tx, ctx.projectId, [parentId]);
        target = { parentId, position: (await siblingIds(tx, ctx.projectId, parentId)).length };
        break;
      }
      case "outdent": {
        if (!code.parentId) throw refuse("is already at the top level");
        const parent = await loadLiveCode(tx, ctx.projectId, code.parentId);
        const uncles = await siblingIds(tx, ctx.projectId, parent.parentId);
        target = { parentId: parent.parentId, position: uncles.indexOf(parent.id) + 1 };
        break;
      }
    }
    destination = { parentId: target.parentId, name: code.name };
    return place(tx, ctx, code, target.parentId, target.position);
  }, TEAM_WRITE));
}

type Placed = { id: string; name: string; parentId: string | null };

/** Puts `code` at `position` among the live children of `parentId`, renumbering them; audited as code.move. */
async function place(tx: Tx, ctx: ProjectContext, before: Placed, parentId: string | null, position: number) {
  if (parentId) {
    await loadLiveCode(tx, ctx.projectId, parentId);
    if (await isSelfOrDescendant(tx, ctx.projectId, before.id, parentId)) {
      throw new AppError("VALIDATION", `"${before.name}" cannot go inside itself or one of its own sub-codes.`);
    }
  }
  if (parentId !== before.parentId) await assertNameFree(tx, ctx.projectId, parentId, before.name, before.id);
  const order = await siblingIds(tx, ctx.projectId, parentId, before.id);
  order.splice(Math.min(position, order.length), 0, before.id);
  for (const [index, id] of order.entries()) {
    await tx.code.update({ where: { id }, data: id === before.id ? { position: index, parentId } : { position: index } });
  }
  const after = await tx.code.findUniqueOrThrow({ where: { id: before.id } });
  await auditCode(tx, ctx, "code.move", before.id, before, after);
  return after;
}

async function placeOf(projectId: string, codeId: string, parentId: string | null) {
  const code = await db().code.findFirst({ where: { id: codeId, projectId }, select: { name: true } });
  return code ? { parentId, name: code.name } : null;
}
