import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import { AppError } from "../errors";
import { documentVisibility, maySee } from "../rigour/blind";
import { assertNameFree, auditCode, live, loadLiveCode, withNameRule } from "./guards";
import { lockLiveCodes } from "./locks";
import { newCodeColour } from "./mutations";
import type { SplitCodeInput } from "./schema";

/**
 * Splits a code: the chosen codings of it move to a new code, named by the owner, beside the
 * original unless another parent is given (null: the top level). All or nothing: a chosen id
 * that is not a coding of this code in this project, or one the caller may not see under blind
 * coding (lib/rigour/blind.ts), refuses the whole split. Audited twice: code.split on the
 * original with the moved coding ids, code.create on the new code with where it came from.
 */
export async function splitCode(ctx: ProjectContext, input: SplitCodeInput) {
  const ids = [...new Set(input.codingIds)];
  let destination: { parentId: string | null; name: string } | null = null;
  const visibility = await documentVisibility(ctx.projectId, { id: ctx.user.id, role: ctx.role });
  return withNameRule(ctx.projectId, async () => destination, () => db().$transaction(async (tx) => {
    const parentGiven = input.parentId !== undefined;
    await lockLiveCodes(tx, ctx.projectId, parentGiven && input.parentId ? [input.codeId, input.parentId] : [input.codeId]);
    const original = await loadLiveCode(tx, ctx.projectId, input.codeId);
    const parentId = parentGiven ? (input.parentId ?? null) : original.parentId;
    if (parentId) await loadLiveCode(tx, ctx.projectId, parentId);
    destination = { parentId, name: input.name };
    const codings = await tx.coding.findMany({ where: { id: { in: ids }, codeId: original.id, projectId: ctx.projectId }, select: { id: true, documentId: true, coderId: true } });
    const seen = codings.filter((c) => { const v = visibility.get(c.documentId); return v !== undefined && maySee(v, c.coderId); });
    if (seen.length !== ids.length) {
      throw new AppError("VALIDATION", `Only codings of "${original.name}" can be split off it; ${ids.length - seen.length} of the chosen are not (they may have been moved or deleted meanwhile). Nothing was changed.`);
    }
    await assertNameFree(tx, ctx.projectId, parentId, input.name);
    const siblings = await tx.code.findMany({ where: { projectId: ctx.projectId, parentId, ...live }, select: { colour: true, position: true } });
    let position = Math.max(-1, ...siblings.map((s) => s.position)) + 1;
    if (parentId === original.parentId) {
      // Right after the original, where the owner is looking.
      await tx.code.updateMany({ where: { projectId: ctx.projectId, parentId, ...live, position: { gt: original.position } }, data: { position: { increment: 1 } } });
      position = original.position + 1;
    }
    const colour = await newCodeColour(tx, ctx.projectId, [...siblings.map((s) => s.colour), original.colour]);
    const created = await tx.code.create({ data: { projectId: ctx.projectId, parentId, name: input.name, colour, position } });
    const moved = await tx.coding.updateMany({ where: { id: { in: ids }, codeId: original.id }, data: { codeId: created.id, version: { increment: 1 } } });
    // A coding re-coded between the read and here: refuse rather than move part of the choice.
    if (moved.count !== ids.length) throw new AppError("CONFLICT", "Some of the chosen codings changed while splitting. Nothing was changed; reload and try again.");
    const movedCodingIds = [...ids].sort();
    await auditCode(tx, ctx, "code.split", original.id, { code: original }, { newCodeId: created.id, newCodeName: created.name, movedCodingIds });
    await auditCode(tx, ctx, "code.create", created.id, undefined, { ...created, splitFrom: original.id, movedCodingIds });
    return { code: created, movedCodings: moved.count };
  }, TEAM_WRITE));
}
