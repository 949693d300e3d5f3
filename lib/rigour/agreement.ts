import type { AgreementDesign, AgreementDocument, Coding } from "../agreement";
import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { type Viewer, documentVisibility, seesAll } from "./blind";
import { type AgreementFigures, type AgreementRow, computeAgreementFigures } from "./agreement-table";
import { mayUseScope } from "./permissions";
import type { AgreementQuery, AgreementScope, AgreementUnit } from "./schema";
import { type SegmentSource, documentSegments } from "./segments";

/**
 * Inter-coder agreement for a project: which documents and codings take part (the query's
 * scope, then blind mode), and the table computed from them (agreement-table.ts).
 *
 * Documents: "done" (default) keeps those every chosen analyst marked done in their queue;
 * "coded" (owners) keeps those every chosen analyst has at least one coding in. Either way a
 * document that is blind for the reader, for any of the chosen analysts, is left out and
 * counted, so a blind analyst never gets a figure computed from another analyst's codings.
 * Codes: the live codebook (deleted codes and their codings are left out).
 */

export type AgreementCoder = { id: string; name: string };

export type AgreementTable = AgreementFigures & {
  unit: AgreementUnit;
  scope: AgreementScope;
  coders: AgreementCoder[];
  codes: { id: string; name: string; colour: string; depth: number }[];
  documents: { id: string; title: string }[];
  /** Documents in the project. */
  totalDocuments: number;
  /** Documents in scope that blind mode kept from this reader. */
  hiddenByBlindMode: number;
  /** For the segment unit: how many documents were cut into turns, how many into paragraphs. */
  segmentSources: Record<SegmentSource, number>;
  /** Milliseconds spent loading and computing, for the page footer and the benchmark. */
  timings: { loadMs: number; computeMs: number };
};

export type AgreementRowWithCode = AgreementRow;

/**
 * Members who may code and anyone with codings in the project: the analysts one can compare.
 * Under blind coding their codings and done interviews are counted only in documents where the
 * reader may see everyone's codings (their own everywhere): the number of a hidden analyst's
 * codings does not reach the reader. Names stay, as in the member list: blind coding hides a
 * colleague's work, not that they are on the team (the table then says how many interviews
 * blind mode keeps out).
 */
export async function listComparableCoders(projectId: string, viewer: Viewer): Promise<(AgreementCoder & { codings: number; done: number })[]> {
  const visibility = await documentVisibility(projectId, viewer);
  const open = [...visibility].filter(([, v]) => v === "all").map(([id]) => id);
  const blind = open.length < visibility.size;
  const countedDocuments = blind ? { documentId: { in: open } } : {};
  const [members, counts, done, own] = await Promise.all([
    db().membership.findMany({ where: { projectId, role: { in: ["analyst", "owner"] } }, select: { user: { select: { id: true, name: true } } } }),
    db().coding.groupBy({ by: ["coderId"], where: { projectId, ...countedDocuments }, _count: { _all: true } }),
    db().assignment.groupBy({ by: ["userId"], where: { projectId, doneAt: { not: null }, ...countedDocuments }, _count: { _all: true } }),
    blind ? db().coding.count({ where: { projectId, coderId: viewer.id } }) : 0,
  ]);
  const byId = new Map(members.map((m) => [m.user.id, m.user]));
  const missing = counts.map((c) => c.coderId).filter((id) => !byId.has(id));
  if (missing.length > 0) {
    for (const u of await db().user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) byId.set(u.id, u);
  }
  const codingCount = new Map(counts.map((c) => [c.coderId, c._count._all]));
  if (blind) codingCount.set(viewer.id, own);
  const doneCount = new Map(done.map((d) => [d.userId, d._count._all]));
  return [...byId.values()]
    .map((u) => ({ id: u.id, name: u.name, codings: codingCount.get(u.id) ?? 0, done: doneCount.get(u.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The analysts compared when the reader has not chosen: those who marked documents done, else those who coded. */
export function defaultCoderIds(coders: ReadonlyArray<{ id: string; codings: number; done: number }>): string[] {
  const done = coders.filter((c) => c.done > 0);
  if (done.length >= 2) return done.map((c) => c.id);
  return coders.filter((c) => c.codings > 0).map((c) => c.id);
}

/** Loads what the query needs and computes the table, as `viewer` may see it. */
export async function getAgreement(projectId: string, query: Omit<AgreementQuery, "projectId">, viewer: Viewer): Promise<AgreementTable> {
  const t0 = performance.now();
  const input = await loadAgreementInput(projectId, query, viewer);
  const t1 = performance.now();
  const figures = await computeAgreementFigures(input.codings, input.design, query.unit, { parentCodes: input.parentCodes });
  const t2 = performance.now();
  return { ...input.table, ...figures, timings: { loadMs: t1 - t0, computeMs: t2 - t1 } };
}

export async function loadAgreementInput(projectId: string, query: Omit<AgreementQuery, "projectId">, viewer: Viewer) {
  if (!mayUseScope(viewer.role, query.scope)) throw new AppError("FORBIDDEN", "Only a project owner can compute agreement over documents not marked done.");
  const comparable = await listComparableCoders(projectId, viewer);
  const names = new Map(comparable.map((c) => [c.id, c.name]));
  if (query.coderIds.some((id) => !names.has(id))) throw notFound("That analyst");
  const coderIds = [...query.coderIds];

  const [visibility, scoped, rawCodes, totalDocuments] = await Promise.all([
    documentVisibility(projectId, viewer),
    documentsInScope(projectId, coderIds, query.scope),
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, colour: true, position: true } }),
    db().document.count({ where: { projectId } }),
  ]);
  const visible = scoped.filter((id) => seesAll(visibility.get(id) ?? [], coderIds));
  const tree = flattenCodeTree(rawCodes);
  const codes = tree.map((c) => ({ id: c.id, name: c.name, colour: c.colour, depth: c.depth }));
  const parentCodes = new Set(tree.filter((c) => c.childCount > 0).map((c) => c.id));

  const [documents, turns, codings] = await Promise.all([
    db().document.findMany({
      where: { id: { in: visible } },
      orderBy: [{ position: "asc" }, { title: "asc" }],
      select: { id: true, title: true, textLength: true, _count: { select: { turns: true } } },
    }),
    query.unit === "segment"
      ? db().speakerTurn.findMany({ where: { documentId: { in: visible } }, orderBy: [{ documentId: "asc" }, { index: "asc" }], select: { documentId: true, start: true, end: true } })
      : Promise.resolve([]),
    loadCodings(projectId, visible, coderIds),
  ]);

  const segmentSources: Record<SegmentSource, number> = { turns: 0, paragraphs: 0 };
  let designDocuments: AgreementDocument[] = documents.map((d) => ({ id: d.id, length: d.textLength }));
  if (query.unit === "segment") {
    const turnsOf = new Map<string, { start: number; end: number }[]>();
    for (const t of turns) (turnsOf.get(t.documentId) ?? turnsOf.set(t.documentId, []).get(t.documentId)!).push(t);
    // Only documents without turns need their text (for paragraphs).
    const untimed = documents.filter((d) => d._count.turns === 0).map((d) => d.id);
    const texts = new Map(
      untimed.length === 0 ? [] : (await db().document.findMany({ where: { id: { in: untimed } }, select: { id: true, text: true } })).map((d) => [d.id, d.text]),
    );
    designDocuments = documents.map((d) => {
      const { source, segments } = documentSegments(texts.get(d.id) ?? null, d.textLength, turnsOf.get(d.id) ?? []);
      segmentSources[source]++;
      return { id: d.id, length: d.textLength, segments };
    });
  }

  const design: AgreementDesign = { coders: coderIds, codes: codes.map((c) => c.id), documents: designDocuments };
  return {
    codings,
    design,
    parentCodes,
    table: {
      unit: query.unit,
      scope: query.scope,
      coders: coderIds.map((id) => ({ id, name: names.get(id)! })),
      codes,
      documents: documents.map((d) => ({ id: d.id, title: d.title })),
      totalDocuments,
      hiddenByBlindMode: scoped.length - visible.length,
      segmentSources,
    },
  };
}

/** Ids of the documents the scope keeps for these analysts. */
export async function documentsInScope(projectId: string, coderIds: string[], scope: AgreementScope): Promise<string[]> {
  if (coderIds.length === 0) return [];
  if (scope === "done") {
    const rows = await db().assignment.groupBy({
      by: ["documentId"],
      where: { projectId, userId: { in: coderIds }, doneAt: { not: null } },
      _count: { _all: true },
    });
    return rows.filter((r) => r._count._all === coderIds.length).map((r) => r.documentId);
  }
  const rows = await db().$queryRaw<{ documentId: string }[]>`
    SELECT "documentId" FROM "Coding"
    WHERE "projectId" = ${projectId} AND "coderId" = ANY(${coderIds}::text[])
    GROUP BY "documentId" HAVING count(DISTINCT "coderId") = ${coderIds.length}`;
  return rows.map((r) => r.documentId);
}

/** The analysts' codings of live codes in the documents, as the statistics take them. */
async function loadCodings(projectId: string, documentIds: string[], coderIds: string[]): Promise<Coding[]> {
  if (documentIds.length === 0) return [];
  // Raw SQL: tens of thousands of rows come back several times faster than through findMany.
  return db().$queryRaw<Coding[]>`
    SELECT c."coderId", c."codeId", c."documentId", c."start", c."end"
    FROM "Coding" c JOIN "Code" k ON k.id = c."codeId"
    WHERE c."projectId" = ${projectId} AND k."deletedAt" IS NULL
      AND c."documentId" = ANY(${documentIds}::text[]) AND c."coderId" = ANY(${coderIds}::text[])`;
}
