import { createHash } from "node:crypto";
import { recordAudit } from "../../audit/record";
import type { ProjectContext } from "../../auth/project-access";
import { db, TEAM_WRITE } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError, notFound } from "../../errors";
import { maySee, visibleCoderIds } from "../../rigour/blind";
import { codePointLength, normalizeText } from "../offsets";
import { codePointHunks, shiftHunks } from "./diff";
import { utf16At } from "./positions";
import { mayCorrect } from "./permissions";
import { planCorrection, type CorrectionPlan, type Flag, type Move, type SpanCounts } from "./plan";
import type { CorrectionRoleInput, CorrectTurnInput } from "./schema";
import { detachCodings, detachConsensus, flagEdited } from "./detach";

type Tx = Prisma.TransactionClient;

/**
 * Moved spans pass through positions this far out first: every moved row shifts by the same
 * amount there, so the unique key of codings (document, code, analyst, start, end), which
 * PostgreSQL checks row by row, never sees one row land where another has not left yet.
 */
const PARKING = 1_000_000_000;

export type CorrectionPreview = { version: number; counts: SpanCounts; textChanged: boolean };
export type CorrectionResult = CorrectionPreview & { documentId: string };

/** What saving this correction would do to the codings (nothing is written). */
export async function previewTurnCorrection(ctx: ProjectContext, input: CorrectTurnInput): Promise<CorrectionPreview> {
  const prepared = await prepare(db(), ctx, input, false);
  return { version: prepared.document.version, counts: await visibleCounts(ctx, prepared), textChanged: prepared.newText !== prepared.document.text };
}

/**
 * Corrects one turn's text and speaker: the old text and turns are archived as a
 * DocumentVersion, the document gets the new text and version, and every coding, consensus
 * coding and turn is re-anchored (lib/transcripts/correction/plan.ts), in one transaction
 * with one audit row. A correction naming an older version than the document's is CONFLICT.
 */
export async function correctTurn(ctx: ProjectContext, input: CorrectTurnInput): Promise<CorrectionResult> {
  return db().$transaction(async (tx) => {
    const { document, turns, turn, oldTurnText, newText, speaker, plan, codings } = await prepare(tx, ctx, input, true);
    const textChanged = newText !== document.text;
    if (!textChanged && speaker === turn.speaker) throw new AppError("VALIDATION", "Nothing to change: the text and the speaker are as they were.");
    const version = document.version + 1;

    await tx.documentVersion.create({
      data: {
        projectId: ctx.projectId,
        documentId: document.id,
        version: document.version,
        text: document.text,
        turns: turns.map(({ id: _id, ...t }) => t),
        authorId: ctx.user.id,
        reason: input.reason ?? "",
      },
    });
    // Transaction-local: lets the text change and the spans move (see the migration
    // document_corrections); the deferred check holds every span to the new text at commit.
    await tx.$executeRaw`SELECT set_config('grounded.correction', 'on', true)`;
    await tx.document.update({
      where: { id: document.id },
      data: textChanged ? { version, text: newText, textLength: codePointLength(newText), checksum: sha256(newText) } : { version },
    });

    await detachCodings(tx, ctx, document.id, version, plan.codingDetached);
    await moveCodings(tx, plan.codingMoves);
    await flagEdited(tx, ctx, document.id, version, "coding", plan.codingEdited);
    await detachConsensus(tx, ctx, document.id, version, plan.consensusDetached);
    await moveConsensus(tx, plan.consensusMoves);
    await flagEdited(tx, ctx, document.id, version, "consensus", plan.consensusEdited);
    await moveTurns(tx, plan.turnMoves);
    if (speaker !== turn.speaker) await tx.speakerTurn.update({ where: { id: turn.id }, data: { speaker } });
    await tx.$executeRaw`SELECT set_config('grounded.correction', 'off', true)`;

    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "document.correct",
      entity: "Document",
      entityId: document.id,
      before: { documentId: document.id, version: document.version, checksum: document.checksum, turnId: turn.id, speaker: turn.speaker, turnTextHash: sha256(oldTurnText) },
      after: {
        documentId: document.id,
        version,
        checksum: textChanged ? sha256(newText) : document.checksum,
        turnId: turn.id,
        speaker,
        turnTextHash: sha256(normalizeText(input.text)),
        reason: input.reason ?? "",
        // Counts only: which codings were flagged is in CodingCorrection, where blind mode filters it.
        ...plan.counts,
      },
    });
    return { documentId: document.id, version, counts: await visibleCounts(ctx, { document, plan, codings }), textChanged };
  }, TEAM_WRITE);
}

/** An owner's choice of who may correct transcripts in the project. */
export async function setCorrectionRole(ctx: ProjectContext, input: CorrectionRoleInput): Promise<{ role: "owner" | "analyst" }> {
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { correctionRole: true } });
    await tx.project.update({ where: { id: ctx.projectId }, data: { correctionRole: input.role } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "project.correction_role", entity: "Project", entityId: ctx.projectId, before, after: { correctionRole: input.role } });
    return { role: input.role };
  });
}

type Client = Tx | ReturnType<typeof db>;

async function prepare(client: Client, ctx: ProjectContext, input: CorrectTurnInput, lock: boolean) {
  const project = await client.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { correctionRole: true } });
  if (!mayCorrect(ctx.role, project.correctionRole)) throw new AppError("FORBIDDEN", "In this project only owners correct transcripts. Ask an owner to make the correction.");
  const [document] = lock
    ? await client.$queryRaw<DocumentRow[]>`SELECT id, text, version, checksum FROM "Document" WHERE id = ${input.documentId} AND "projectId" = ${ctx.projectId} FOR UPDATE`
    : await client.$queryRaw<DocumentRow[]>`SELECT id, text, version, checksum FROM "Document" WHERE id = ${input.documentId} AND "projectId" = ${ctx.projectId}`;
  if (!document) throw notFound("That document");
  if (document.version !== input.version) {
    throw new AppError("CONFLICT", "Someone corrected this transcript since you opened it. Nothing was saved; reload to see the current text, then correct it again.", undefined, { version: document.version });
  }
  const turns = await client.speakerTurn.findMany({ where: { documentId: document.id }, orderBy: { index: "asc" }, select: { id: true, index: true, speaker: true, role: true, start: true, end: true, timestampMs: true } });
  const turn = turns.find((t) => t.index === input.turnIndex);
  if (!turn) throw notFound("That turn");

  const at = utf16At(document.text, [turn.start, turn.end]);
  const oldTurnText = document.text.slice(at.get(turn.start), at.get(turn.end));
  const newTurnText = normalizeText(input.text);
  const newText = document.text.slice(0, at.get(turn.start)) + newTurnText + document.text.slice(at.get(turn.end));
  // A combining mark typed at the turn's edge would compose with the text beside it, and a
  // stored text is always NFC: refuse rather than change characters outside the turn.
  if (newText.normalize("NFC") !== newText) throw new AppError("VALIDATION", "The text cannot start with an accent or other combining mark; include the letter it belongs to.");
  const newLength = codePointLength(newTurnText);
  const hunks = shiftHunks(codePointHunks(oldTurnText, newTurnText), turn.start, turn.start);

  const [codings, consensus] = await Promise.all([
    client.coding.findMany({ where: { documentId: document.id }, select: { id: true, codeId: true, coderId: true, start: true, end: true, quote: true } }),
    client.consensusCoding.findMany({ where: { documentId: document.id }, select: { id: true, codeId: true, start: true, end: true, quote: true } }),
  ]);
  const plan: CorrectionPlan = planCorrection({ oldText: document.text, newText, hunks, codings, consensus, turns, editedTurn: { id: turn.id, start: turn.start, end: turn.end, newLength } });
  return { document, turns, turn, oldTurnText, newText, speaker: input.speaker.normalize("NFC"), plan, codings };
}

/**
 * The counts the caller may see. The correction moves every analyst's codings, but what it
 * did is told as blind mode allows (lib/rigour/blind.ts): a blind analyst hears only about
 * their own codings, as their review list shows only those; consensus codings count for
 * callers who see everyone's work.
 */
async function visibleCounts(ctx: ProjectContext, prepared: { document: { id: string }; plan: CorrectionPlan; codings: { coderId: string }[] }): Promise<SpanCounts> {
  const visibility = await visibleCoderIds(ctx.projectId, prepared.document.id, { id: ctx.user.id, role: ctx.role });
  const { plan, codings } = prepared;
  if (visibility === "all") return plan.counts;
  const seen = (flags: Flag[]) => flags.filter((f) => f.coderId !== null && maySee(visibility, f.coderId)).length;
  const edited = seen(plan.codingEdited);
  const detached = seen(plan.codingDetached);
  return { kept: codings.filter((c) => maySee(visibility, c.coderId)).length - edited - detached, edited, detached };
}

type DocumentRow = { id: string; text: string; version: number; checksum: string };

async function moveCodings(tx: Tx, moves: Move[]): Promise<void> {
  if (moves.length === 0) return;
  const { idList, starts, ends, quotes } = columns(moves);
  await tx.$executeRaw`UPDATE "Coding" SET "start" = "start" + ${PARKING}::int, "end" = "end" + ${PARKING}::int WHERE id = ANY(${idList}::text[])`;
  await tx.$executeRaw`
    UPDATE "Coding" c SET "start" = m.s, "end" = m.e, quote = m.q, version = c.version + 1, "updatedAt" = now()
    FROM unnest(${idList}::text[], ${starts}::int[], ${ends}::int[], ${quotes}::text[]) AS m(id, s, e, q)
    WHERE c.id = m.id`;
}

async function moveConsensus(tx: Tx, moves: Move[]): Promise<void> {
  if (moves.length === 0) return;
  const { idList, starts, ends, quotes } = columns(moves);
  await tx.$executeRaw`
    UPDATE "ConsensusCoding" c SET "start" = m.s, "end" = m.e, quote = m.q
    FROM unnest(${idList}::text[], ${starts}::int[], ${ends}::int[], ${quotes}::text[]) AS m(id, s, e, q)
    WHERE c.id = m.id`;
}

async function moveTurns(tx: Tx, moves: { id: string; start: number; end: number }[]): Promise<void> {
  if (moves.length === 0) return;
  await tx.$executeRaw`
    UPDATE "SpeakerTurn" t SET "start" = m.s, "end" = m.e
    FROM unnest(${moves.map((m) => m.id)}::text[], ${moves.map((m) => m.start)}::int[], ${moves.map((m) => m.end)}::int[]) AS m(id, s, e)
    WHERE t.id = m.id`;
}

function columns(moves: Move[]) {
  return { idList: moves.map((m) => m.id), starts: moves.map((m) => m.start), ends: moves.map((m) => m.end), quotes: moves.map((m) => m.quote) };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
