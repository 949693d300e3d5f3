import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { pageWindow, type PageWindow } from "../analysis/paging";
import { readScope, type ReadScope, type Viewer } from "../rigour/blind";
import { MEMOS_PER_PAGE, type MemoKind } from "./limits";
import type { MemoTarget } from "./schema";
import { mayReadMemo } from "./visibility";

/** One memo as the lists show it. `source` "coding" is a coding's own memo (Coding.memo), edited in the transcript. */
export type MemoItem = {
  id: string;
  source: "memo" | "coding";
  kind: MemoKind;
  title: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  documentId: string | null;
  documentTitle: string | null;
  codeId: string | null;
  codeName: string | null;
  caseId: string | null;
  caseName: string | null;
  codingId: string | null;
};

export type MemoReader = { scope: ReadScope; ownerIds: ReadonlySet<string> };

/** What the blind rule needs to judge memos for one reader (lib/memos/visibility.ts). */
export async function memoReader(projectId: string, viewer: Viewer): Promise<MemoReader> {
  const [scope, owners] = await Promise.all([
    readScope(projectId, viewer),
    db().membership.findMany({ where: { projectId, role: "owner" }, select: { userId: true } }),
  ]);
  return { scope, ownerIds: new Set(owners.map((o) => o.userId)) };
}

/**
 * The blind rule of visibility.ts as SQL, so that paging and counts are of readable memos
 * only. Under blind coding every blind document has the same visible coders (coderVisibility
 * depends on the reader alone), which is `scope.everywhere`; documents that are not blind
 * show every coding.
 */
function readableSql(reader: MemoReader) {
  const { scope, ownerIds } = reader;
  if (scope.everywhere === "all") return { coding: (_k: string) => Prisma.sql`TRUE`, author: (_a: string) => Prisma.sql`TRUE` };
  const blindDocs = [...scope.documents].filter(([, v]) => v !== "all").map(([id]) => id);
  const coders = scope.everywhere;
  const authors = [...new Set([...ownerIds, ...coders])];
  return {
    coding: (k: string) =>
      Prisma.sql`(${Prisma.raw(k)}."documentId" <> ALL(${blindDocs}::text[]) OR ${Prisma.raw(k)}."coderId" = ANY(${coders}::text[]))`,
    author: (column: string) => Prisma.sql`${Prisma.raw(column)} = ANY(${authors}::text[])`,
  };
}

function itemsSql(projectId: string, reader: MemoReader) {
  const may = readableSql(reader);
  // Memo rows (their kind is their most specific target), then codings' own memos; memos on
  // deleted codes or on codings of deleted codes are hidden, as every view hides those codes.
  return Prisma.sql`
    SELECT m.id, 'memo' AS source,
      CASE WHEN m."codingId" IS NOT NULL THEN 'coding' WHEN m."documentId" IS NOT NULL THEN 'document'
           WHEN m."codeId" IS NOT NULL THEN 'code' WHEN m."caseId" IS NOT NULL THEN 'case' ELSE 'journal' END AS kind,
      m.title, m.body, m."authorId", m."createdAt", m."updatedAt", m."createdAt" AS at,
      COALESCE(k."documentId", m."documentId") AS "documentId", COALESCE(k."codeId", m."codeId") AS "codeId", m."caseId", m."codingId"
    FROM "Memo" m
    LEFT JOIN "Code" c ON c.id = m."codeId"
    LEFT JOIN "Coding" k ON k.id = m."codingId"
    LEFT JOIN "Code" kc ON kc.id = k."codeId"
    WHERE m."projectId" = ${projectId} AND c."deletedAt" IS NULL AND kc."deletedAt" IS NULL
      AND ${may.author('m."authorId"')} AND (k.id IS NULL OR ${may.coding("k")})
    UNION ALL
    SELECT k.id, 'coding', 'coding', '', k.memo, k."coderId", k."createdAt", k."updatedAt", k."updatedAt",
      k."documentId", k."codeId", NULL, k.id
    FROM "Coding" k JOIN "Code" kc ON kc.id = k."codeId"
    WHERE k."projectId" = ${projectId} AND k.memo <> '' AND kc."deletedAt" IS NULL AND ${may.coding("k")}`;
}

export type MemoFilter = { kind?: MemoKind; authorId?: string; text?: string; page?: number };

/**
 * The memos page: every memo the reader may see (journal, document, code, case and coding
 * memos, codings' own memos included), newest first, filtered by kind, author and text in the
 * title or body, a page of MEMOS_PER_PAGE at a time; and the authors one may filter by.
 */
export async function listProjectMemos(projectId: string, viewer: Viewer, filter: MemoFilter = {}) {
  const reader = await memoReader(projectId, viewer);
  const items = itemsSql(projectId, reader);
  const text = filter.text?.trim().toLowerCase();
  const conditions = [
    filter.kind ? Prisma.sql`i.kind = ${filter.kind}` : null,
    filter.authorId ? Prisma.sql`i."authorId" = ${filter.authorId}` : null,
    // strpos rather than LIKE: the reader's % and _ are text, not patterns.
    text ? Prisma.sql`(strpos(lower(i.title), ${text}) > 0 OR strpos(lower(i.body), ${text}) > 0)` : null,
  ].filter((c) => c !== null);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [{ total }] = await db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${items}) i ${where}`;
  const window: PageWindow = pageWindow(total, filter.page ?? 1, MEMOS_PER_PAGE);
  const rows = await db().$queryRaw<MemoItem[]>`
    SELECT i.id, i.source, i.kind, i.title, i.body, i."authorId", u.name AS "authorName", i."createdAt", i."updatedAt",
      i."documentId", d.title AS "documentTitle", i."codeId", c.name AS "codeName", i."caseId", cs.name AS "caseName", i."codingId"
    FROM (${items}) i
    JOIN "User" u ON u.id = i."authorId"
    LEFT JOIN "Document" d ON d.id = i."documentId"
    LEFT JOIN "Code" c ON c.id = i."codeId"
    LEFT JOIN "Case" cs ON cs.id = i."caseId"
    ${where}
    ORDER BY i.at DESC, i.id DESC
    LIMIT ${MEMOS_PER_PAGE} OFFSET ${(window.page - 1) * MEMOS_PER_PAGE}`;
  const authors = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT DISTINCT u.id, u.name FROM (${items}) i JOIN "User" u ON u.id = i."authorId" ORDER BY u.name, u.id`;
  return { memos: rows, window, authors };
}

const targetWhere = (target: MemoTarget): Prisma.MemoWhereInput => {
  switch (target.kind) {
    case "journal":
      return { documentId: null, codeId: null, caseId: null, codingId: null };
    case "document":
      return { documentId: target.id, codingId: null };
    case "code":
      return { codeId: target.id, documentId: null, codingId: null };
    case "case":
      return { caseId: target.id, documentId: null, codeId: null, codingId: null };
  }
};

export const memoSelect = {
  id: true,
  title: true,
  body: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
  coding: { select: { documentId: true, coderId: true } },
} satisfies Prisma.MemoSelect;

export type MemoOnTarget = Omit<Prisma.MemoGetPayload<{ select: typeof memoSelect }>, "coding">;

/** The memos on one document, code or case (or the journal), newest first, that the reader may see. */
export async function memosOn(projectId: string, viewer: Viewer, target: MemoTarget): Promise<MemoOnTarget[]> {
  const [reader, memos] = await Promise.all([
    memoReader(projectId, viewer),
    db().memo.findMany({ where: { projectId, ...targetWhere(target) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: memoSelect }),
  ]);
  return memos.filter((m) => mayReadMemo(reader.scope, reader.ownerIds, m)).map(({ coding: _coding, ...memo }) => memo);
}

/** The project's name for the memos page's header. */
export async function memosProjectName(projectId: string): Promise<string> {
  return (await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } })).name;
}
