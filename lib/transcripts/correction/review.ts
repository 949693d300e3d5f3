import { recordAudit } from "../../audit/record";
import type { ProjectContext } from "../../auth/project-access";
import { lockUsableCodes } from "../../codes/locks";
import { assertSpan } from "../../codings/mutations";
import { db, TEAM_WRITE } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError, notFound } from "../../errors";
import { maySee, visibleCoderIds } from "../../rigour/blind";
import { mayResolve } from "./permissions";
import type { ReplaceCodingInput, ResolveCorrectionInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Snapshot = {
  coding: Prisma.CodingUncheckedCreateInput;
  memos: Prisma.MemoUncheckedCreateInput[];
  evidence: Prisma.FindingEvidenceUncheckedCreateInput[];
  star: Prisma.RepresentativeQuoteUncheckedCreateInput | null;
};

/**
 * Settles a review flag. accept: the edited coding's new quote is right (or, for a detached
 * one, it stays off the document for good); delete: an edited coding is deleted (its row goes
 * to the audit log like any deletion), a detached one is given up. Either way the flag is
 * kept, resolved, with who and when.
 */
export async function resolveCorrection(ctx: ProjectContext, input: ResolveCorrectionInput): Promise<{ id: string; resolution: string }> {
  return db().$transaction(async (tx) => {
    const flag = await loadOpenFlag(tx, ctx, input.correctionId);
    const resolution = input.action === "accept" ? "accepted" : "deleted";
    if (input.action === "delete" && flag.status === "edited") await deleteLive(tx, ctx, flag);
    await settle(tx, ctx, flag.id, resolution);
    // Recorded on the coding, with its analyst, document and code, so the history and live
    // updates show it to whom blind mode shows the coding and to nobody else.
    const { snapshot: _snapshot, ...settled } = flag;
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "coding.review",
      entity: flag.kind === "consensus" ? "ConsensusCoding" : "Coding",
      entityId: flag.codingId,
      before: settled,
      after: { correctionId: flag.id, documentId: flag.documentId, codeId: flag.codeId, coderId: flag.coderId, resolution },
    });
    return { id: flag.id, resolution };
  }, TEAM_WRITE);
}

/**
 * Puts a detached coding back on a passage of the current text, with its id, memo, the memos
 * written on it, the findings citing it and its star (as far as those findings still exist).
 * Only the analyst whose coding it is re-places it, as only they change their codings.
 */
export async function replaceDetachedCoding(ctx: ProjectContext, input: ReplaceCodingInput): Promise<{ codingId: string; start: number; end: number; quote: string }> {
  return db().$transaction(async (tx) => {
    const flag = await loadOpenFlag(tx, ctx, input.correctionId);
    if (flag.status !== "detached") throw new AppError("VALIDATION", "Only a detached coding can be re-placed; an edited one is still on the transcript.");
    if (flag.kind === "coding" && flag.coderId !== ctx.user.id) throw new AppError("FORBIDDEN", "Only the analyst whose coding it is can re-place it.");
    const [document] = await tx.$queryRaw<{ textLength: number; quote: string }[]>`
      SELECT "textLength", substring(text FROM ${input.start + 1}::int FOR ${input.end - input.start}::int) AS quote
      FROM "Document" WHERE id = ${flag.documentId} AND "projectId" = ${ctx.projectId}`;
    if (!document) throw notFound("That document");
    assertSpan(document.textLength, input.start, input.end);
    await lockUsableCodes(tx, ctx.projectId, [flag.codeId]);
    if (flag.kind === "consensus") return replaceConsensus(tx, ctx, flag, input, document.quote);
    const snapshot = flag.snapshot as unknown as Snapshot;
    const { coding } = snapshot;
    await tx.coding.create({
      data: {
        id: coding.id,
        projectId: ctx.projectId,
        refiGuid: coding.refiGuid ?? null,
        documentId: flag.documentId,
        codeId: flag.codeId,
        coderId: ctx.user.id,
        start: input.start,
        end: input.end,
        quote: document.quote,
        memo: coding.memo ?? "",
        version: (coding.version ?? 1) + 1,
        createdAt: coding.createdAt,
      },
    });
    if (snapshot.memos.length > 0) await tx.memo.createMany({ data: snapshot.memos, skipDuplicates: true });
    const findings = await tx.finding.findMany({ where: { id: { in: snapshot.evidence.map((e) => e.findingId) }, projectId: ctx.projectId }, select: { id: true } });
    const live = new Set(findings.map((f) => f.id));
    const evidence = snapshot.evidence.filter((e) => live.has(e.findingId));
    if (evidence.length > 0) await tx.findingEvidence.createMany({ data: evidence, skipDuplicates: true });
    if (snapshot.star) await tx.representativeQuote.createMany({ data: [snapshot.star], skipDuplicates: true });
    await settle(tx, ctx, flag.id, "replaced");
    const after = { codingId: coding.id!, start: input.start, end: input.end, quote: document.quote };
    const recorded = { ...after, id: coding.id!, documentId: flag.documentId, codeId: flag.codeId, coderId: ctx.user.id, version: (coding.version ?? 1) + 1 };
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "coding.replace", entity: "Coding", entityId: coding.id!, before: { oldStart: flag.oldStart, oldEnd: flag.oldEnd, oldQuote: flag.oldQuote, documentVersion: flag.documentVersion }, after: recorded });
    return after;
  }, TEAM_WRITE);
}

/** An owner puts a detached consensus coding back, under the adjudication that made it. */
async function replaceConsensus(tx: Tx, ctx: ProjectContext, flag: Flag, input: ReplaceCodingInput, quote: string) {
  const { consensus } = flag.snapshot as unknown as { consensus: Prisma.ConsensusCodingUncheckedCreateInput };
  const decision = await tx.adjudicationDecision.findFirst({ where: { id: consensus.decisionId, projectId: ctx.projectId, undoneAt: null }, select: { id: true } });
  if (!decision) throw new AppError("CONFLICT", "The adjudication that made this consensus coding was undone, so it cannot come back. Delete it from the list.");
  const id = consensus.id!;
  await tx.consensusCoding.create({ data: { id, projectId: ctx.projectId, documentId: flag.documentId, codeId: flag.codeId, decisionId: decision.id, start: input.start, end: input.end, quote } });
  await settle(tx, ctx, flag.id, "replaced");
  const after = { codingId: id, start: input.start, end: input.end, quote };
  await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "consensus.replace", entity: "ConsensusCoding", entityId: id, before: { oldStart: flag.oldStart, oldEnd: flag.oldEnd, oldQuote: flag.oldQuote }, after: { ...after, documentId: flag.documentId, codeId: flag.codeId } });
  return after;
}

type Flag = Awaited<ReturnType<typeof loadOpenFlag>>;

async function deleteLive(tx: Tx, ctx: ProjectContext, flag: { kind: string; codingId: string }): Promise<void> {
  const where = { id: flag.codingId, projectId: ctx.projectId };
  const before = flag.kind === "consensus" ? await tx.consensusCoding.findFirst({ where }) : await tx.coding.findFirst({ where });
  if (!before) return;
  if (flag.kind === "consensus") await tx.consensusCoding.delete({ where: { id: before.id } });
  else await tx.coding.delete({ where: { id: before.id } });
  const [action, entity] = flag.kind === "consensus" ? ["consensus.delete", "ConsensusCoding"] : ["coding.delete", "Coding"];
  await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action, entity, entityId: before.id, before });
}

async function loadOpenFlag(tx: Tx, ctx: ProjectContext, id: string) {
  const flag = await tx.codingCorrection.findFirst({ where: { id, projectId: ctx.projectId } });
  if (!flag) throw notFound("That review item");
  // A flag on a coding blind mode hides from the caller is as unknown to them as another project's.
  const visible = flag.kind === "consensus" ? ctx.role === "owner" : flag.coderId !== null && maySee(await visibleCoderIds(ctx.projectId, flag.documentId, { id: ctx.user.id, role: ctx.role }), flag.coderId);
  if (!visible) throw notFound("That review item");
  if (!mayResolve({ id: ctx.user.id, role: ctx.role }, flag)) throw new AppError("FORBIDDEN", "Only the analyst whose coding it is, or a project owner, can settle this.");
  if (flag.resolvedAt) throw new AppError("CONFLICT", "Someone settled this already. Nothing was changed.");
  return flag;
}

async function settle(tx: Tx, ctx: ProjectContext, id: string, resolution: string): Promise<void> {
  // resolvedAt IS NULL in the WHERE: two people settling at once, only one wins.
  const { count } = await tx.codingCorrection.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: ctx.user.id, resolution } });
  if (count === 0) throw new AppError("CONFLICT", "Someone settled this already. Nothing was changed.");
}
