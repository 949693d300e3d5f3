import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { maySee, visibleCoderIds } from "../rigour/blind";
import type { StarInput } from "./schema";

type Tx = Prisma.TransactionClient;

/** What a star action did: the codings whose star it added or removed (none when nothing changed). */
export type StarChange = { starred: boolean; changed: string[] };

/** Marks the codings as representative for the whole team; one already starred keeps its star (and who gave it). */
export async function starQuote(ctx: ProjectContext, input: StarInput): Promise<StarChange> {
  return db().$transaction(async (tx) => {
    const codings = await loadVisibleCodings(tx, ctx, input.codingIds);
    const deleted = codings.find((c) => c.code.deletedAt);
    if (deleted) throw new AppError("VALIDATION", `That passage is coded with "${deleted.code.name}", which was deleted; star a passage of a live code.`);
    // skipDuplicates returns only the rows this call inserted, so a star given twice (or by two
    // people at once) is recorded and audited once, without a unique-violation error.
    const created = await tx.representativeQuote.createManyAndReturn({
      data: codings.map((c) => ({ codingId: c.id, projectId: ctx.projectId, starredById: ctx.user.id })),
      skipDuplicates: true,
    });
    for (const star of created) await audit(tx, ctx, "quote.star", star.codingId, undefined, star);
    return { starred: true, changed: created.map((s) => s.codingId) };
  });
}

/** Removes the codings' stars, whoever gave them; a coding without a star is left as it is. */
export async function unstarQuote(ctx: ProjectContext, input: StarInput): Promise<StarChange> {
  return db().$transaction(async (tx) => {
    const codings = await loadVisibleCodings(tx, ctx, input.codingIds);
    const stars = await tx.representativeQuote.findMany({ where: { codingId: { in: codings.map((c) => c.id) } }, orderBy: { codingId: "asc" } });
    const changed: string[] = [];
    for (const star of stars) {
      // One row at a time, so that of two people unstarring at once only the one whose delete
      // took effect writes an audit event.
      const { count } = await tx.representativeQuote.deleteMany({ where: { codingId: star.codingId } });
      if (count === 0) continue;
      await audit(tx, ctx, "quote.unstar", star.codingId, star, undefined);
      changed.push(star.codingId);
    }
    return { starred: false, changed };
  });
}

/**
 * The codings, if every one is in the caller's project and visible to them: a coding that
 * blind mode hides from the caller gets the same NOT_FOUND as an id of another project, so a
 * blind analyst cannot learn by starring that another analyst's coding exists.
 */
async function loadVisibleCodings(tx: Tx, ctx: ProjectContext, codingIds: string[]) {
  const codings = await tx.coding.findMany({
    where: { id: { in: codingIds }, projectId: ctx.projectId },
    select: { id: true, documentId: true, coderId: true, code: { select: { name: true, deletedAt: true } } },
  });
  if (codings.length !== codingIds.length) throw notFound("That passage");
  const viewer = { id: ctx.user.id, role: ctx.role };
  for (const documentId of new Set(codings.map((c) => c.documentId))) {
    const visibility = await visibleCoderIds(ctx.projectId, documentId, viewer);
    if (codings.some((c) => c.documentId === documentId && !maySee(visibility, c.coderId))) throw notFound("That passage");
  }
  return codings;
}

function audit(tx: Tx, ctx: ProjectContext, action: string, codingId: string, before: unknown, after: unknown) {
  return recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action, entity: "RepresentativeQuote", entityId: codingId, before, after });
}
