import type { ProjectContext } from "../../auth/project-access";
import type { Prisma } from "../../db/generated/client";
import type { Flag } from "./plan";

type Tx = Prisma.TransactionClient;

/**
 * Takes codings whose text a correction deleted out of the live table, keeping in each
 * CodingCorrection row everything needed to put it back with the same id: the coding, the
 * memos written on it, the findings that cite it and its representative-quote star (the live
 * rows go with the coding, by their foreign keys).
 */
export async function detachCodings(tx: Tx, ctx: ProjectContext, documentId: string, version: number, flags: Flag[]): Promise<void> {
  if (flags.length === 0) return;
  const codingIds = flags.map((f) => f.id);
  const [codings, memos, evidence, stars] = await Promise.all([
    tx.coding.findMany({ where: { id: { in: codingIds } } }),
    tx.memo.findMany({ where: { codingId: { in: codingIds } } }),
    tx.findingEvidence.findMany({ where: { codingId: { in: codingIds } } }),
    tx.representativeQuote.findMany({ where: { codingId: { in: codingIds } } }),
  ]);
  const byId = new Map(codings.map((c) => [c.id, c]));
  await tx.codingCorrection.createMany({
    data: flags.map((f) => ({
      ...row(ctx, documentId, version, "coding", f, "detached"),
      snapshot: json({
        coding: byId.get(f.id),
        memos: memos.filter((m) => m.codingId === f.id),
        evidence: evidence.filter((e) => e.codingId === f.id),
        star: stars.find((s) => s.codingId === f.id) ?? null,
      }),
    })),
  });
  await tx.coding.deleteMany({ where: { id: { in: codingIds } } });
}

/** The same for consensus codings (an adjudication's spans): the row is kept to be re-placed. */
export async function detachConsensus(tx: Tx, ctx: ProjectContext, documentId: string, version: number, flags: Flag[]): Promise<void> {
  if (flags.length === 0) return;
  const rows = await tx.consensusCoding.findMany({ where: { id: { in: flags.map((f) => f.id) } } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  await tx.codingCorrection.createMany({ data: flags.map((f) => ({ ...row(ctx, documentId, version, "consensus", f, "detached"), snapshot: json({ consensus: byId.get(f.id) }) })) });
  await tx.consensusCoding.deleteMany({ where: { id: { in: flags.map((f) => f.id) } } });
}

/** Flags codings kept with a new quote, keeping the old one for review. */
export async function flagEdited(tx: Tx, ctx: ProjectContext, documentId: string, version: number, kind: "coding" | "consensus", flags: Flag[]): Promise<void> {
  if (flags.length === 0) return;
  await tx.codingCorrection.createMany({ data: flags.map((f) => row(ctx, documentId, version, kind, f, "edited")) });
}

function row(ctx: ProjectContext, documentId: string, version: number, kind: "coding" | "consensus", f: Flag, status: "edited" | "detached") {
  return {
    projectId: ctx.projectId,
    documentId,
    kind,
    codingId: f.id,
    codeId: f.codeId,
    coderId: f.coderId,
    documentVersion: version,
    status,
    oldStart: f.oldStart,
    oldEnd: f.oldEnd,
    oldQuote: f.oldQuote,
    newQuote: status === "edited" ? f.newQuote : null,
  };
}

function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value));
}
