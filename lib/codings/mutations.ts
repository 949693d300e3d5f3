import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { lockUsableCodes } from "../codes/locks";
import { AppError, notFound } from "../errors";
import { maySee, visibleCoderIds } from "../rigour/blind";
import { sliceByCodePoints } from "../transcripts/offsets";
import type { ApplyCodesInput, DeleteCodingInput, UpdateCodingInput } from "./schema";
import { codingView, type CodingView } from "./view";

type Tx = Prisma.TransactionClient;

const { coder: _coder, ...codingColumns } = codingView;

/** What a coding's delete cascades to, kept in its audit row. */
const deletedWithCoding = {
  refiGuid: true,
  batchId: true,
  memos: { select: { id: true, title: true, body: true, authorId: true, refiGuid: true, createdAt: true, updatedAt: true } },
  evidence: { select: { findingId: true, position: true } },
  star: { select: { starredById: true, createdAt: true } },
  // The text version its offsets are in: a restore after a correction maps them to the new text.
  document: { select: { version: true } },
} satisfies Prisma.CodingSelect;

/**
 * Applies codes to a passage as the caller. The quote is cut from the stored text here, never
 * taken from the browser. Applying a code to the exact span the caller already coded with it
 * returns the existing coding (a no-op, not a duplicate).
 */
export async function applyCodes(ctx: ProjectContext, input: ApplyCodesInput): Promise<{ codings: CodingView[]; created: string[] }> {
  return db().$transaction(async (tx) => {
    const { document, quote } = await loadPassage(tx, ctx.projectId, input.documentId, input.start, input.end);
    // Offsets read in a text that a correction has since changed would code the wrong words.
    if (input.documentVersion !== undefined && input.documentVersion !== document.version) {
      throw new AppError("CONFLICT", "This transcript was corrected since you opened it, so nothing was saved. Reload the page to code the corrected text.");
    }
    assertSpan(document.textLength, input.start, input.end);
    const codeIds = [...new Set(input.codeIds)];
    await lockUsableCodes(tx, ctx.projectId, codeIds);

    const created: string[] = [];
    const codings: CodingView[] = [];
    for (const codeId of codeIds) {
      const key = { documentId: document.id, codeId, coderId: ctx.user.id, start: input.start, end: input.end };
      const existing = await tx.coding.findUnique({ where: { documentId_codeId_coderId_start_end: key }, select: codingView });
      if (existing) {
        codings.push(existing);
        continue;
      }
      // The coder is the caller: their name comes from the session, not from a join per insert.
      const inserted = await tx.coding.create({ data: { ...key, projectId: ctx.projectId, quote, memo: input.memo ?? "" }, select: codingColumns });
      const coding: CodingView = { ...inserted, coder: { name: ctx.user.name } };
      await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "coding.create", entity: "Coding", entityId: coding.id, after: coding });
      created.push(coding.id);
      codings.push(coding);
    }
    return { codings, created };
  }, TEAM_WRITE);
}

/** Changes one of the caller's own codings, if nobody changed it since `version`. */
export async function updateCoding(ctx: ProjectContext, input: UpdateCodingInput): Promise<CodingView> {
  return db().$transaction(async (tx) => {
    const before = await loadOwnCoding(tx, ctx, input.codingId, input.version);
    const data: Prisma.CodingUncheckedUpdateInput = { version: { increment: 1 } };
    if (input.start !== undefined || input.end !== undefined) {
      const start = input.start ?? before.start;
      const end = input.end ?? before.end;
      const document = await loadDocument(tx, ctx.projectId, before.documentId);
      assertSpan(document.textLength, start, end);
      Object.assign(data, { start, end, quote: sliceByCodePoints(document.text, start, end) });
    }
    if (input.codeId !== undefined && input.codeId !== before.codeId) {
      await lockUsableCodes(tx, ctx.projectId, [input.codeId]);
      data.codeId = input.codeId;
    }
    if (input.memo !== undefined) data.memo = input.memo;
    // The version in the WHERE makes a concurrent edit lose cleanly instead of overwriting.
    const { count } = await tx.coding.updateMany({ where: { id: before.id, version: input.version }, data });
    if (count === 0) throw await staleEdit(tx, input.codingId);
    const after = await tx.coding.findUniqueOrThrow({ where: { id: before.id }, select: codingView });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "coding.update", entity: "Coding", entityId: after.id, before, after });
    return after;
  }, TEAM_WRITE);
}

/**
 * Deletes one of the caller's own codings. The audit log keeps the whole row, and what the
 * delete takes with it (its memos, finding pins and star), so the history can restore it all
 * (lib/history/restore.ts).
 */
export async function deleteCoding(ctx: ProjectContext, input: DeleteCodingInput): Promise<CodingView> {
  return db().$transaction(async (tx) => {
    const before = await loadOwnCoding(tx, ctx, input.codingId, input.version);
    const { document, ...attached } = (await tx.coding.findUniqueOrThrow({ where: { id: before.id }, select: deletedWithCoding }));
    const { count } = await tx.coding.deleteMany({ where: { id: before.id, version: input.version } });
    if (count === 0) throw await staleEdit(tx, input.codingId);
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "coding.delete", entity: "Coding", entityId: before.id, before: { ...before, ...attached, documentVersion: document.version, projectId: ctx.projectId } });
    return before;
  }, TEAM_WRITE);
}

/**
 * A document's length and the passage's text, cut in SQL: a long interview's whole text
 * (300 kB at 50,000 words) is not carried to the server to apply one code. PostgreSQL's
 * substring counts characters, which in a UTF-8 database are code points, as Grounded's
 * offsets are.
 */
async function loadPassage(tx: Tx, projectId: string, documentId: string, start: number, end: number) {
  const [row] = await tx.$queryRaw<{ id: string; textLength: number; version: number; quote: string }[]>`
    SELECT id, "textLength", version, substring(text FROM ${start + 1}::int FOR ${Math.max(0, end - start)}::int) AS quote
    FROM "Document" WHERE id = ${documentId} AND "projectId" = ${projectId}`;
  if (!row) throw notFound("That document");
  return { document: { id: row.id, textLength: row.textLength, version: row.version }, quote: row.quote };
}

async function loadDocument(tx: Tx, projectId: string, documentId: string) {
  const document = await tx.document.findFirst({ where: { id: documentId, projectId }, select: { id: true, text: true, textLength: true } });
  if (!document) throw notFound("That document");
  return document;
}

async function loadOwnCoding(tx: Tx, ctx: ProjectContext, codingId: string, version: number): Promise<CodingView> {
  const coding = await tx.coding.findFirst({ where: { id: codingId, projectId: ctx.projectId }, select: codingView });
  if (!coding) throw notFound("That coding");
  // A coding blind mode hides from the caller is as unknown to them as another project's:
  // not even its coder's name may come back in the refusal.
  if (coding.coderId !== ctx.user.id && !maySee(await visibleCoderIds(ctx.projectId, coding.documentId, { id: ctx.user.id, role: ctx.role }), coding.coderId)) {
    throw notFound("That coding");
  }
  if (coding.coderId !== ctx.user.id) {
    throw new AppError("FORBIDDEN", `This coding is ${coding.coder.name}'s; you can change only your own codings.`);
  }
  if (coding.version !== version) throw staleError(coding);
  return coding;
}

async function staleEdit(tx: Tx, codingId: string): Promise<AppError> {
  const current = await tx.coding.findUnique({ where: { id: codingId }, select: codingView });
  return current ? staleError(current) : notFound("That coding");
}

function staleError(current: CodingView): AppError {
  return new AppError(
    "CONFLICT",
    "This coding changed since you loaded it (in another tab or window). Nothing was saved; the current version is shown now.",
    undefined,
    current,
  );
}

export function assertSpan(textLength: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0) {
    throw new AppError("VALIDATION", "A passage's offsets must be whole numbers from 0.");
  }
  if (start >= end) throw new AppError("VALIDATION", "The passage must start before it ends.");
  if (end > textLength) {
    throw new AppError("VALIDATION", `The passage ends at ${end}, after the end of the transcript (${textLength} characters).`);
  }
}
