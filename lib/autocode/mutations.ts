import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { lockUsableCodes } from "../codes/locks";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { visibleCoderIds } from "../rigour/blind";
import { planAutocode, summarize, type AutocodePreview } from "./plan";
import type { AutocodeSpansInput, UndoBatchInput } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * The core of auto-coding, shared by every source (a search, a speaker, a line pattern): the
 * source computes spans on the server, the core widens, merges, previews, applies as one
 * batch, and undoes the batch. Callers authorize first (projectAction, role "analyst").
 */

/** What a run records about where its spans came from; `summary` is what the runs list shows. */
export type AutocodeSource = { kind: "search" | "speaker" | "pattern"; summary: string } & Record<string, unknown>;
export type AutocodeRun = AutocodeSpansInput & { source: AutocodeSource };
export type AutocodeResult = { batchId: string | null; created: number; alreadyCoded: number; interviews: number; code: { id: string; name: string } };

// Thousands of inserts, each checked against its document by a trigger, outlast TEAM_WRITE's 20 s.
const AUTOCODE_WRITE = { maxWait: 10_000, timeout: 120_000 } as const;
const CHUNK = 1000;

export async function previewAutocode(ctx: ProjectContext, input: AutocodeSpansInput): Promise<AutocodePreview> {
  return db().$transaction(async (tx) => summarize(await planAutocode(tx, ctx, input, await usableCode(tx, ctx, input.codeId))), AUTOCODE_WRITE);
}

/**
 * Codes every new passage of the plan as the caller, in one transaction, under one CodingBatch
 * and one audit row. The plan is made again inside the transaction (with the code locked), so
 * what is applied is what is true now, which is what the preview showed unless someone coded
 * in between. A run with nothing new creates no batch.
 */
export async function applyAutocode(ctx: ProjectContext, input: AutocodeRun): Promise<AutocodeResult> {
  return db().$transaction(async (tx) => {
    const code = await usableCode(tx, ctx, input.codeId);
    const plan = await planAutocode(tx, ctx, input, code);
    const counts = summarize(plan);
    const fresh = plan.passages.filter((p) => !p.alreadyCoded);
    if (fresh.length === 0) return { batchId: null, created: 0, alreadyCoded: counts.alreadyCoded, interviews: 0, code };

    const source = { ...input.source, extent: input.extent, passages: counts.passages, newCodings: counts.newCodings, alreadyCoded: counts.alreadyCoded };
    const batch = await tx.codingBatch.create({ data: { projectId: ctx.projectId, actorId: ctx.user.id, codeId: code.id, kind: input.source.kind, source }, select: { id: true } });
    let created = 0;
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const data = fresh.slice(i, i + CHUNK).map((p) => ({
        projectId: ctx.projectId,
        documentId: p.documentId,
        codeId: code.id,
        coderId: ctx.user.id,
        start: p.start,
        end: p.end,
        quote: p.quote,
        batchId: batch.id,
      }));
      // A coding of the exact span made since the plan was read is kept, not duplicated.
      created += (await tx.coding.createMany({ data, skipDuplicates: true })).count;
    }
    const after = { code, kind: input.source.kind, source, created, interviews: counts.interviews };
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "coding.autocode", entity: "CodingBatch", entityId: batch.id, after });
    return { batchId: batch.id, created, alreadyCoded: counts.alreadyCoded, interviews: counts.interviews, code };
  }, AUTOCODE_WRITE);
}

export type UndoResult = { batchId: string; deleted: number; kept: { id: string; documentTitle: string; quote: string }[] };

/**
 * Deletes a run's codings in one transaction, except those someone has worked on since: edited
 * (version > 1), with a memo, pinned as a finding's evidence or starred. Those are kept and
 * named, so an undo never loses work. Only the run's analyst or an owner may undo; under blind
 * coding another analyst's run is as unknown as a missing one.
 */
export async function undoAutocode(ctx: ProjectContext, input: UndoBatchInput): Promise<UndoResult> {
  return db().$transaction(async (tx) => {
    const batch = await tx.codingBatch.findFirst({ where: { id: input.batchId, projectId: ctx.projectId }, select: { id: true, actorId: true, codeId: true, kind: true, source: true, undoneAt: true, actor: { select: { name: true } } } });
    if (!batch) throw notFound("That auto-coding run");
    if (batch.actorId !== ctx.user.id && ctx.role !== "owner") {
      const visibility = await visibleCoderIds(ctx.projectId, null, { id: ctx.user.id, role: ctx.role });
      if (visibility !== "all") throw notFound("That auto-coding run");
      throw new AppError("FORBIDDEN", `This run is ${batch.actor?.name ?? "another analyst"}'s; only they or a project owner can undo it.`);
    }
    // The guard on undoneAt makes a second undo (another tab, a double click) a clear refusal.
    const { count } = await tx.codingBatch.updateMany({ where: { id: batch.id, undoneAt: null }, data: { undoneAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "This run was already undone. Refresh to see the current list.");

    const worked: Prisma.CodingWhereInput = { OR: [{ version: { gt: 1 } }, { memo: { not: "" } }, { memos: { some: {} } }, { evidence: { some: {} } }, { star: { isNot: null } }] };
    const { count: deleted } = await tx.coding.deleteMany({ where: { batchId: batch.id, NOT: worked } });
    const kept = await keptCodings(tx, batch.id);
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "coding.autocode_undo",
      entity: "CodingBatch",
      entityId: batch.id,
      before: { codeId: batch.codeId, kind: batch.kind, source: batch.source },
      after: { deleted, kept: kept.map((k) => k.id) },
    });
    return { batchId: batch.id, deleted, kept };
  }, AUTOCODE_WRITE);
}

async function keptCodings(tx: Tx, batchId: string) {
  const rows = await tx.coding.findMany({ where: { batchId }, orderBy: [{ documentId: "asc" }, { start: "asc" }], select: { id: true, quote: true, document: { select: { title: true } } } });
  return rows.map((r) => ({ id: r.id, documentTitle: r.document.title, quote: r.quote }));
}

async function usableCode(tx: Tx, ctx: ProjectContext, codeId: string) {
  await lockUsableCodes(tx, ctx.projectId, [codeId]);
  return tx.code.findUniqueOrThrow({ where: { id: codeId }, select: { id: true, name: true } });
}
