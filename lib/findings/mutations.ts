import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { mayRead, maySee, readScope, visibleCoderIds } from "../rigour/blind";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { checkFigure } from "./check-figure";
import { type FindingFigure, figureReferences, readStoredFigure } from "./figure";
import type { CreateFindingInput, DeleteFindingInput, EvidenceInput, ReorderFindingsInput, UpdateFindingInput } from "./schema";

type Tx = Prisma.TransactionClient;

/** A finding as the mutations return it; the computed figure comes from data.ts. */
const findingRow = {
  id: true,
  projectId: true,
  position: true,
  statement: true,
  figure: true,
  statedValue: true,
  statedText: true,
  version: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  evidence: { orderBy: { position: "asc" }, select: { codingId: true, position: true, coding: { select: { documentId: true, coderId: true } } } },
} satisfies Prisma.FindingSelect;

type FindingRead = Prisma.FindingGetPayload<{ select: typeof findingRow }>;
export type FindingRow = Omit<FindingRead, "evidence"> & { evidence: { codingId: string; position: number }[] };

/**
 * A finding as the caller may see it: pins of codings blind coding hides from them are left
 * out of every answer, a refused stale edit's "current" included, so no hidden id reaches them.
 */
async function shownTo(ctx: ProjectContext, row: FindingRead): Promise<FindingRow> {
  const scope = await readScope(ctx.projectId, { id: ctx.user.id, role: ctx.role });
  return { ...row, evidence: row.evidence.filter((e) => mayRead(scope, e.coding)).map(({ codingId, position }) => ({ codingId, position })) };
}

export async function createFinding(ctx: ProjectContext, input: CreateFindingInput): Promise<FindingRow> {
  return db().$transaction(async (tx) => {
    await assertFigureUsable(tx, ctx.projectId, input.figure, input.statedValue);
    const last = await tx.finding.aggregate({ where: { projectId: ctx.projectId }, _max: { position: true } });
    const finding = await tx.finding.create({
      data: {
        projectId: ctx.projectId,
        statement: input.statement,
        figure: jsonOrNull(input.figure),
        statedValue: input.statedValue,
        statedText: input.statedText,
        position: (last._max.position ?? -1) + 1,
        createdById: ctx.user.id,
      },
      select: findingRow,
    });
    await audit(tx, ctx, "finding.create", finding.id, undefined, finding);
    return shownTo(ctx, finding);
  });
}

/** Edits a finding, if nobody changed it since `version`; figure and stated value are checked together. */
export async function updateFinding(ctx: ProjectContext, input: UpdateFindingInput): Promise<FindingRow> {
  return db().$transaction(async (tx) => {
    const before = await loadFinding(tx, ctx, input.findingId, input.version);
    // A stored figure that does not validate (written by hand) can be replaced, not compared with.
    const stored = readStoredFigure(before.figure);
    if (input.figure === undefined && input.statedValue !== undefined && stored.problem) throw new AppError("VALIDATION", stored.problem);
    const figure = input.figure !== undefined ? input.figure : stored.figure;
    const statedValue = input.statedValue !== undefined ? input.statedValue : before.statedValue;
    if (input.figure !== undefined || input.statedValue !== undefined) await assertFigureUsable(tx, ctx.projectId, figure, statedValue);
    const data: Prisma.FindingUpdateManyMutationInput = { version: { increment: 1 } };
    if (input.statement !== undefined) data.statement = input.statement;
    if (input.figure !== undefined) data.figure = jsonOrNull(input.figure);
    if (input.statedValue !== undefined) data.statedValue = input.statedValue;
    if (input.statedText !== undefined) data.statedText = input.statedText;
    // The version in the WHERE makes a concurrent edit lose cleanly instead of overwriting.
    const { count } = await tx.finding.updateMany({ where: { id: before.id, version: input.version }, data });
    if (count === 0) throw await staleEdit(tx, ctx, before.id);
    const after = await tx.finding.findUniqueOrThrow({ where: { id: before.id }, select: findingRow });
    await audit(tx, ctx, "finding.update", after.id, before, after);
    return shownTo(ctx, after);
  });
}

/** Deletes a finding and its pins (not the codings); the audit log keeps the whole finding. */
export async function deleteFinding(ctx: ProjectContext, input: DeleteFindingInput): Promise<FindingRow> {
  return db().$transaction(async (tx) => {
    const before = await loadFinding(tx, ctx, input.findingId, input.version);
    const { count } = await tx.finding.deleteMany({ where: { id: before.id, version: input.version } });
    if (count === 0) throw await staleEdit(tx, ctx, before.id);
    await audit(tx, ctx, "finding.delete", before.id, before, undefined);
    return shownTo(ctx, before);
  });
}

/** Puts the project's findings in the given order; the list must name each of them exactly once. */
export async function reorderFindings(ctx: ProjectContext, input: ReorderFindingsInput): Promise<{ findingIds: string[] }> {
  return db().$transaction(async (tx) => {
    const current = await tx.finding.findMany({ where: { projectId: ctx.projectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const known = new Set(current.map((f) => f.id));
    if (input.findingIds.some((id) => !known.has(id))) throw notFound("A finding");
    if (input.findingIds.length !== known.size) {
      throw new AppError("CONFLICT", "The list of findings changed since you loaded it (one was added or deleted). Nothing was moved; reload and try again.", undefined, {
        findingIds: current.map((f) => f.id),
      });
    }
    for (const [position, id] of input.findingIds.entries()) await tx.finding.update({ where: { id }, data: { position } });
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "finding.reorder",
      entity: "Project",
      entityId: ctx.projectId,
      before: { findingIds: current.map((f) => f.id) },
      after: { findingIds: input.findingIds },
    });
    return { findingIds: input.findingIds };
  });
}

/** Pins a coding of this project as evidence (last in the list); pinning it again changes nothing. */
export async function pinEvidence(ctx: ProjectContext, input: EvidenceInput): Promise<FindingRow> {
  return db().$transaction(async (tx) => {
    const finding = await loadFinding(tx, ctx, input.findingId);
    const coding = await tx.coding.findFirst({
      where: { id: input.codingId, projectId: ctx.projectId },
      select: { id: true, documentId: true, coderId: true, code: { select: { name: true, deletedAt: true } } },
    });
    // A coding blind mode hides from the caller is as unknown to them as another project's.
    if (!coding || !maySee(await visibleCoderIds(ctx.projectId, coding.documentId, { id: ctx.user.id, role: ctx.role }), coding.coderId)) throw notFound("That coding");
    if (coding.code.deletedAt) throw new AppError("VALIDATION", `That passage is coded with "${coding.code.name}", which was deleted; pin a passage of a live code.`);
    if (finding.evidence.some((e) => e.codingId === coding.id)) return shownTo(ctx, finding);
    const position = Math.max(-1, ...finding.evidence.map((e) => e.position)) + 1;
    await tx.findingEvidence.create({ data: { findingId: finding.id, codingId: coding.id, position } });
    await audit(tx, ctx, "finding.pin", finding.id, undefined, { codingId: coding.id, position });
    return shownTo(ctx, await tx.finding.findUniqueOrThrow({ where: { id: finding.id }, select: findingRow }));
  });
}

export async function unpinEvidence(ctx: ProjectContext, input: EvidenceInput): Promise<FindingRow> {
  return db().$transaction(async (tx) => {
    const finding = await loadFinding(tx, ctx, input.findingId);
    const pinned = finding.evidence.find((e) => e.codingId === input.codingId);
    // A pin of a coding hidden from the caller is theirs neither to see nor to remove.
    const scope = await readScope(ctx.projectId, { id: ctx.user.id, role: ctx.role });
    if (!pinned || !mayRead(scope, pinned.coding)) throw notFound("That pinned passage");
    await tx.findingEvidence.delete({ where: { findingId_codingId: { findingId: finding.id, codingId: input.codingId } } });
    await audit(tx, ctx, "finding.unpin", finding.id, pinned, undefined);
    return shownTo(ctx, await tx.finding.findUniqueOrThrow({ where: { id: finding.id }, select: findingRow }));
  });
}

async function loadFinding(tx: Tx, ctx: ProjectContext, findingId: string, version?: number): Promise<FindingRead> {
  const finding = await tx.finding.findFirst({ where: { id: findingId, projectId: ctx.projectId }, select: findingRow });
  if (!finding) throw notFound("That finding");
  if (version !== undefined && finding.version !== version) throw staleError(await shownTo(ctx, finding));
  return finding;
}

async function staleEdit(tx: Tx, ctx: ProjectContext, findingId: string): Promise<AppError> {
  const current = await tx.finding.findUnique({ where: { id: findingId }, select: findingRow });
  return current ? staleError(await shownTo(ctx, current)) : notFound("That finding");
}

function staleError(current: FindingRow): AppError {
  return new AppError("CONFLICT", "This finding changed since you loaded it (someone else, or another tab). Nothing was saved; the current version is shown now.", undefined, current);
}

/** Loads what the figure names, restricted to this project, and checks it (check-figure.ts). */
async function assertFigureUsable(tx: Tx, projectId: string, figure: FindingFigure | null, statedValue: number | null): Promise<void> {
  const refs = figure ? figureReferences(figure) : { codeIds: [], attributeIds: [] };
  const [codes, attributes] = await Promise.all([
    tx.code.findMany({
      where: { projectId, id: { in: refs.codeIds } },
      select: { id: true, name: true, deletedAt: true, _count: { select: { children: { where: { deletedAt: null } } } } },
    }),
    tx.attributeDefinition.findMany({ where: { projectId, id: { in: refs.attributeIds } }, select: { id: true, name: true, type: true, categories: true } }),
  ]);
  const problem = checkFigure(figure, statedValue, {
    codes: codes.map(({ _count, ...c }) => ({ ...c, liveChildren: _count.children })),
    attributes,
  });
  if (problem) throw problem;
}

function jsonOrNull(figure: FindingFigure | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return figure === null ? Prisma.DbNull : (figure as unknown as Prisma.InputJsonValue);
}

function audit(tx: Tx, ctx: ProjectContext, action: string, entityId: string, before: unknown, after: unknown) {
  return recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action, entity: "Finding", entityId, before, after });
}
