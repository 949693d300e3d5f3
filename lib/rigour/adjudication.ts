import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { assertSpan } from "../codings/mutations";
import { db } from "../db/client";
import type { AdjudicationKind } from "../db/generated/enums";
import { AppError, notFound } from "../errors";
import { sliceByCodePoints } from "../transcripts/offsets";
import { visibleCoderIds } from "./blind";
import type { DecideInput, UndoDecisionInput } from "./schema";

type Span = { start: number; end: number };

/**
 * Adjudication: one decision per disagreement (one passage, one code), written to the
 * consensus layer as ConsensusCoding rows linked to the AdjudicationDecision that records
 * who decided what, when, why, and from which analysts' codings.
 *
 *   accept_a / accept_b   that analyst's spans of the passage (none, if they did not code it)
 *   accept_both           both analysts' spans (identical spans once)
 *   merge                 one span from the first start to the last end of all of them
 *   custom                a new span the adjudicator chose on the text
 *   reject                nothing: the passage is not coded with this code in the consensus
 *
 * Who: owners, and analysts on documents where they can see both analysts' codings (not
 * blind for them); viewers never (the action's role check). A passage with a live decision
 * is refused (CONFLICT) until that decision is undone, so the consensus never holds two
 * answers to one question. Undo marks the decision undone and deletes its rows, in one
 * transaction; both are audited.
 */

export async function decide(ctx: ProjectContext, input: DecideInput) {
  return db().$transaction(async (tx) => {
    // One adjudication of a document at a time: the conflict check below is then exact.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`adjudicate:${input.documentId}`}))`;
    const document = await tx.document.findFirst({ where: { id: input.documentId, projectId: ctx.projectId }, select: { id: true, text: true, textLength: true } });
    if (!document) throw notFound("That document");
    const code = await tx.code.findFirst({ where: { id: input.codeId, projectId: ctx.projectId }, select: { id: true, name: true, deletedAt: true } });
    if (!code) throw notFound("That code");
    if (code.deletedAt) throw new AppError("VALIDATION", `The code "${code.name}" was deleted; restore it before adjudicating its passages.`);
    await assertSeesEveryone(ctx, input.documentId);

    const known = await tx.user.count({
      where: {
        id: { in: input.coderIds },
        OR: [{ memberships: { some: { projectId: ctx.projectId, role: { in: ["analyst", "owner"] } } } }, { codings: { some: { projectId: ctx.projectId } } }],
      },
    });
    if (known !== input.coderIds.length) throw notFound("That analyst");

    const sourceIds = [...new Set(input.sourceCodingIds)];
    const sources = await tx.coding.findMany({
      where: { id: { in: sourceIds }, projectId: ctx.projectId },
      select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true },
    });
    if (sources.length !== sourceIds.length) throw notFound("A coding");
    const stray = sources.find((c) => c.documentId !== input.documentId || c.codeId !== input.codeId || !input.coderIds.includes(c.coderId));
    if (stray) throw new AppError("VALIDATION", "The codings named are not this passage's: they must be the two analysts' codings of this code in this document.");

    const live = await tx.adjudicationDecision.findFirst({
      where: { projectId: ctx.projectId, documentId: input.documentId, codeId: input.codeId, undoneAt: null, sourceCodingIds: { hasSome: sourceIds } },
      select: { id: true, kind: true, createdAt: true, decidedBy: { select: { name: true } } },
    });
    if (live) {
      throw new AppError("CONFLICT", `This passage was already decided by ${live.decidedBy.name}; undo that decision first to decide again.`, undefined, live);
    }

    const spans = consensusSpans(input.kind, sources, input.coderIds, input.start !== undefined && input.end !== undefined ? { start: input.start, end: input.end } : null);
    for (const s of spans) assertSpan(document.textLength, s.start, s.end);

    const decision = await tx.adjudicationDecision.create({
      data: {
        projectId: ctx.projectId,
        documentId: input.documentId,
        codeId: input.codeId,
        kind: input.kind,
        sourceCodingIds: sourceIds,
        reason: input.reason,
        decidedById: ctx.user.id,
      },
    });
    const consensus = await tx.consensusCoding.createManyAndReturn({
      data: spans.map((s) => ({
        projectId: ctx.projectId,
        documentId: input.documentId,
        codeId: input.codeId,
        decisionId: decision.id,
        start: s.start,
        end: s.end,
        quote: sliceByCodePoints(document.text, s.start, s.end),
      })),
      select: { id: true, documentId: true, codeId: true, start: true, end: true, quote: true },
    });
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "adjudication.decide",
      entity: "AdjudicationDecision",
      entityId: decision.id,
      after: { decision, consensus },
    });
    return { decision, consensus };
  });
}

export async function undoDecision(ctx: ProjectContext, input: UndoDecisionInput) {
  return db().$transaction(async (tx) => {
    const decision = await tx.adjudicationDecision.findFirst({ where: { id: input.decisionId, projectId: ctx.projectId } });
    if (!decision) throw notFound("That decision");
    if (decision.undoneAt) throw new AppError("CONFLICT", "This decision was already undone.", undefined, decision);
    await assertSeesEveryone(ctx, decision.documentId);

    const now = new Date();
    // undoneAt in the WHERE: of two concurrent undos, one wins and the other is refused.
    const { count } = await tx.adjudicationDecision.updateMany({ where: { id: decision.id, undoneAt: null }, data: { undoneAt: now, undoneById: ctx.user.id } });
    if (count === 0) throw new AppError("CONFLICT", "This decision was already undone.");
    const removed = await tx.consensusCoding.findMany({ where: { decisionId: decision.id }, select: { id: true, documentId: true, codeId: true, start: true, end: true, quote: true } });
    await tx.consensusCoding.deleteMany({ where: { decisionId: decision.id } });
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "adjudication.undo",
      entity: "AdjudicationDecision",
      entityId: decision.id,
      before: { decision, consensus: removed },
      after: { undoneAt: now, undoneById: ctx.user.id, reason: input.reason },
    });
    return { id: decision.id, undoneAt: now, removed: removed.length };
  });
}

/** The consensus spans a decision puts in place (pure; exported for tests). */
export function consensusSpans(kind: AdjudicationKind, sources: ReadonlyArray<Span & { coderId: string }>, coderIds: readonly string[], custom: Span | null): Span[] {
  const [a, b] = coderIds;
  switch (kind) {
    case "accept_a":
      return unique(sources.filter((s) => s.coderId === a));
    case "accept_b":
      return unique(sources.filter((s) => s.coderId === b));
    case "accept_both":
      return unique(sources);
    case "merge":
      return sources.length === 0 ? [] : [{ start: Math.min(...sources.map((s) => s.start)), end: Math.max(...sources.map((s) => s.end)) }];
    case "custom":
      if (!custom) throw new AppError("VALIDATION", "A new span needs a start and an end.");
      return [custom];
    case "reject":
      return [];
  }
}

function unique(spans: ReadonlyArray<Span>): Span[] {
  const seen = new Map<string, Span>();
  for (const s of spans) seen.set(`${s.start}:${s.end}`, { start: s.start, end: s.end });
  return [...seen.values()].sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * Adjudicating shows and copies analysts' codings: refused where blind mode hides any
 * analyst's codings from the caller (an analyst on a blind document), whoever the codings are.
 */
async function assertSeesEveryone(ctx: ProjectContext, documentId: string): Promise<void> {
  const visibility = await visibleCoderIds(ctx.projectId, documentId, { id: ctx.user.id, role: ctx.role });
  if (visibility !== "all") {
    throw new AppError("FORBIDDEN", "This document is in blind mode: only an owner can adjudicate it until an owner reveals it.");
  }
}

export type Decision = Awaited<ReturnType<typeof decide>>;
