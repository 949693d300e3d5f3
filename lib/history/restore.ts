import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { restoreCode } from "../codes/mutations";
import { lockUsableCodes } from "../codes/locks";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { reanchor } from "../transcripts/correction/reanchor";
import { findVisibleEvent } from "./data";
import { canRestore, rowOwner } from "./permissions";
import type { RestoreFromHistoryInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Json = Record<string, unknown>;

export type RestoreResult = { kind: "coding" | "code" | "memo"; id: string; documentId: string | null; restoredMemos: number };

const KINDS: Record<string, RestoreResult["kind"]> = { "coding.delete": "coding", "code.delete": "code", "memo.delete": "memo" };

/**
 * Brings back a deleted coding, code or memo from its deletion in the history, as it was, with
 * its id (so its history continues). Refused, saying what to do, when the world moved on: the
 * row came back or changed since, the passage's text is no longer the quote, its code or the
 * thing a memo was on is gone. A deletion the reader may not see (blind coding) is NOT_FOUND.
 */
export async function restoreFromHistory(ctx: ProjectContext, input: RestoreFromHistoryInput): Promise<RestoreResult> {
  const event = await findVisibleEvent(ctx.projectId, { id: ctx.user.id, role: ctx.role }, BigInt(input.eventId));
  const kind = KINDS[event.action];
  if (!kind) throw new AppError("VALIDATION", "Only the deletion of a coding, a code or a memo can be restored from the history.");
  if (!canRestore(ctx.role, ctx.user.id, kind, rowOwner(kind, event.before))) {
    throw new AppError("FORBIDDEN", kind === "code" ? "Only a project owner can restore a code." : `Only its ${kind === "coding" ? "coder" : "author"} or a project owner can restore this ${kind}.`);
  }
  const latest = await db().auditEvent.findFirst({ where: { projectId: ctx.projectId, entity: event.entity, entityId: event.entityId }, orderBy: { id: "desc" }, select: { id: true } });
  if (latest?.id !== event.id) throw new AppError("CONFLICT", `This ${kind} was restored or changed again after this deletion. Restore it from its latest entry in the history, if it is deleted now.`);
  const before = (event.before ?? {}) as Json;
  if (kind === "code") return restoreDeletedCode(ctx, event.entityId);
  return db().$transaction(async (tx) => {
    const result = kind === "coding" ? await restoreCoding(tx, ctx, before) : await restoreMemo(tx, ctx, before);
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: `${kind}.restore`, entity: event.entity, entityId: event.entityId, after: { ...result.row, restoredFrom: event.id.toString() } });
    return { kind, id: event.entityId, documentId: result.documentId, restoredMemos: result.memos };
  }, TEAM_WRITE);
}

async function restoreDeletedCode(ctx: ProjectContext, codeId: string): Promise<RestoreResult> {
  const code = await db().code.findFirst({ where: { id: codeId, projectId: ctx.projectId }, select: { deletedAt: true } });
  if (!code?.deletedAt) throw new AppError("CONFLICT", "This code is not deleted now: it was restored already.");
  await restoreCode(ctx, { projectId: ctx.projectId, codeId });
  return { kind: "code", id: codeId, documentId: null, restoredMemos: 0 };
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** A usable code, or a refusal that offers restoring the code first. */
async function requireLiveCode(tx: Tx, projectId: string, codeId: string, what: string) {
  const code = await tx.code.findFirst({ where: { id: codeId, projectId }, select: { name: true, deletedAt: true } });
  if (!code) throw new AppError("CONFLICT", `The code of this ${what} no longer exists, so it cannot come back.`);
  if (code.deletedAt) {
    const deletion = await tx.auditEvent.findFirst({ where: { projectId, entity: "Code", entityId: codeId, action: "code.delete" }, orderBy: { id: "desc" }, select: { id: true } });
    throw new AppError("CONFLICT", `The code "${code.name}" is deleted. Restore the code first (an owner can, from its deletion in the history), then this ${what}.`, undefined, { codeId, codeEventId: deletion?.id.toString() ?? null });
  }
}

async function restoreCoding(tx: Tx, ctx: ProjectContext, b: Json) {
  const [id, documentId, codeId, coderId, quote] = [str(b.id), str(b.documentId), str(b.codeId), str(b.coderId), str(b.quote)];
  const start = Number(b.start);
  const end = Number(b.end);
  if (!id || !documentId || !codeId || !coderId || quote === null || !Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AppError("CONFLICT", "This deletion did not record enough of the coding to bring it back.");
  }
  if (await tx.coding.findUnique({ where: { id }, select: { id: true } })) throw new AppError("CONFLICT", "This coding is back already.");
  await requireLiveCode(tx, ctx.projectId, codeId, "coding");
  await lockUsableCodes(tx, ctx.projectId, [codeId]);
  const placed = await placeNow(tx, ctx.projectId, documentId, { start, end, quote }, typeof b.documentVersion === "number" ? b.documentVersion : null);
  if (!(await tx.user.findUnique({ where: { id: coderId }, select: { id: true } }))) throw new AppError("CONFLICT", "This coding's analyst no longer has an account, so it cannot come back.");
  const same = await tx.coding.findUnique({ where: { documentId_codeId_coderId_start_end: { documentId, codeId, coderId, ...placed } }, select: { id: true } });
  if (same) throw new AppError("CONFLICT", "The same passage is coded with the same code by the same analyst again, so there is nothing to restore.");
  const row = await tx.coding.create({
    data: { id, projectId: ctx.projectId, documentId, codeId, coderId, ...placed, quote, memo: str(b.memo) ?? "", refiGuid: str(b.refiGuid), createdAt: dateOr(b.createdAt) },
    select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, memo: true },
  });
  // What the delete took with it comes back where its other end still exists.
  let memos = 0;
  for (const m of (Array.isArray(b.memos) ? b.memos : []) as Json[]) {
    if (!str(m.id) || !str(m.authorId) || (await tx.memo.findUnique({ where: { id: str(m.id)! }, select: { id: true } }))) continue;
    if (!(await tx.user.findUnique({ where: { id: str(m.authorId)! }, select: { id: true } }))) continue;
    await tx.memo.create({ data: { id: str(m.id)!, projectId: ctx.projectId, authorId: str(m.authorId)!, codingId: id, title: str(m.title) ?? "", body: str(m.body) ?? "", refiGuid: str(m.refiGuid), createdAt: dateOr(m.createdAt) } });
    memos += 1;
  }
  for (const e of (Array.isArray(b.evidence) ? b.evidence : []) as Json[]) {
    const findingId = str(e.findingId);
    if (findingId && (await tx.finding.findFirst({ where: { id: findingId, projectId: ctx.projectId }, select: { id: true } }))) {
      await tx.findingEvidence.create({ data: { findingId, codingId: id, position: Number(e.position) || 0 } });
    }
  }
  const star = b.star as Json | null | undefined;
  if (star && str(star.starredById) && (await tx.user.findUnique({ where: { id: str(star.starredById)! }, select: { id: true } }))) {
    await tx.representativeQuote.create({ data: { codingId: id, projectId: ctx.projectId, starredById: str(star.starredById)!, createdAt: dateOr(star.createdAt) } });
  }
  const moved = placed.start !== start ? { movedFrom: { start, end, documentVersion: b.documentVersion } } : {};
  return { row: { ...row, ...moved }, documentId, memos };
}

/**
 * Where a deleted coding's passage is in the document's text now. Deleted at the current
 * version: at its offsets, if the text there still reads as quoted. Deleted before a
 * correction (lib/transcripts/correction): its span is carried through each correction by the
 * same re-anchoring rule as live codings, and comes back only if no correction touched it
 * ("kept": same characters, new offsets). Anything else is refused, saying what the text
 * reads now: the analyst codes the passage again where it is.
 */
async function placeNow(tx: Tx, projectId: string, documentId: string, span: { start: number; end: number; quote: string }, deletedAt: number | null): Promise<{ start: number; end: number }> {
  const document = await tx.document.findFirst({ where: { id: documentId, projectId }, select: { version: true } });
  if (!document) throw new AppError("CONFLICT", "The interview this coding was in has been deleted, so the coding cannot come back.");
  let { start, end } = span;
  if (deletedAt !== null && deletedAt < document.version) {
    const versions = await tx.documentVersion.findMany({ where: { documentId, version: { gte: deletedAt } }, orderBy: { version: "asc" }, select: { text: true } });
    const current = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } });
    const texts = [...versions.map((v) => v.text), current.text];
    for (let i = 0; i + 1 < texts.length; i++) {
      const [moved] = reanchor(texts[i]!, texts[i + 1]!, [{ start, end, quote: span.quote }]);
      if (moved!.result.status !== "kept") {
        const now = moved!.quote === null ? "was removed" : `now reads “${clip(moved!.quote)}”`;
        throw new AppError("CONFLICT", `A correction of the transcript since the coding was deleted changed this passage: it read “${clip(span.quote)}” and ${now}. Nothing was restored; code the passage again where it is now.`);
      }
      ({ start, end } = moved!.result);
    }
  }
  // The text is cut in SQL, as when coding: the passage must read exactly as quoted.
  const [row] = await tx.$queryRaw<{ now: string }[]>`
    SELECT substring(text FROM ${start + 1}::int FOR ${Math.max(0, end - start)}::int) AS now FROM "Document" WHERE id = ${documentId}`;
  if (row?.now !== span.quote) {
    throw new AppError("CONFLICT", `The transcript's text at this passage has changed since the coding was deleted: it read “${clip(span.quote)}” and now reads “${clip(row?.now ?? "")}”. Nothing was restored; code the passage again where it is now.`);
  }
  return { start, end };
}

async function restoreMemo(tx: Tx, ctx: ProjectContext, b: Json) {
  const id = str(b.id);
  const authorId = str(b.authorId);
  if (!id || !authorId) throw new AppError("CONFLICT", "This deletion did not record enough of the memo to bring it back.");
  if (await tx.memo.findUnique({ where: { id }, select: { id: true } })) throw new AppError("CONFLICT", "This memo is back already.");
  const [documentId, codeId, caseId, codingId] = [str(b.documentId), str(b.codeId), str(b.caseId), str(b.codingId)];
  if (documentId && !(await tx.document.findFirst({ where: { id: documentId, projectId: ctx.projectId }, select: { id: true } }))) throw new AppError("CONFLICT", "The interview this memo was on has been deleted, so the memo cannot come back.");
  if (codeId) await requireLiveCode(tx, ctx.projectId, codeId, "memo");
  if (caseId && !(await tx.case.findFirst({ where: { id: caseId, projectId: ctx.projectId }, select: { id: true } }))) throw new AppError("CONFLICT", "The case this memo was on has been deleted, so the memo cannot come back.");
  if (codingId && !(await tx.coding.findFirst({ where: { id: codingId, projectId: ctx.projectId }, select: { id: true } }))) {
    throw new AppError("CONFLICT", "The coding this memo was on is deleted. Restore the coding first (its memos come back with it).");
  }
  if (!(await tx.user.findUnique({ where: { id: authorId }, select: { id: true } }))) throw new AppError("CONFLICT", "This memo's author no longer has an account, so it cannot come back.");
  const row = await tx.memo.create({
    data: { id, projectId: ctx.projectId, authorId, title: str(b.title) ?? "", body: str(b.body) ?? "", documentId, codeId, caseId, codingId, createdAt: dateOr(b.createdAt) },
    select: { id: true, title: true, body: true, authorId: true, documentId: true, codeId: true, caseId: true, codingId: true },
  });
  return { row, documentId, memos: 0 };
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
function dateOr(value: unknown): Date {
  const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}
