import { db } from "../db/client";
import type { MemberRole } from "../db/generated/enums";
import { analysisQuery } from "../analysis/data";
import { Prisma } from "../db/generated/client";
import { type CoderVisibility, visibleCoderIds, type Viewer } from "../rigour/blind";

/**
 * The user's role in a project, and whether it is archived. A deleted project (waiting out its
 * recovery period) has no members as far as every page, route and action is concerned: null,
 * the same as for an id that does not exist. Only lifecycle.ts's restore looks past this.
 */
export async function findMembership(userId: string, projectId: string): Promise<{ role: MemberRole; archived: boolean } | null> {
  const row = await db().membership.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { role: true, project: { select: { archivedAt: true, deletedAt: true } } },
  });
  if (!row || row.project.deletedAt) return null;
  return { role: row.role, archived: row.project.archivedAt !== null };
}

/** The user's projects, not deleted ones; archived ones carry archivedAt (the page lists them apart). */
export function listProjectsForUser(userId: string) {
  return db().membership.findMany({
    where: { userId, project: { deletedAt: null } },
    orderBy: { project: { name: "asc" } },
    select: {
      role: true,
      project: { select: { id: true, name: true, description: true, archivedAt: true, _count: { select: { documents: true, cases: true, codes: true } } } },
    },
  });
}

/** Case names the project home lists inline; the rest are counted. */
export const MAX_CASE_NAMES = 200;

/**
 * The project home: documents, codes, the first cases, members, with coding counts the viewer
 * may see. The reads are independent, so they run at once rather than one after another; the
 * counts are one pass over the codings (analysisQuery: reused while nothing has changed).
 */
export async function getProjectHome(projectId: string, viewer: Viewer) {
  const project = await db().project.findUnique({ where: { id: projectId }, select: { id: true, name: true, description: true } });
  if (!project) return null;
  const [documents, cases, caseCount, codes, memberships, { visibility, counts }] = await Promise.all([
    db().document.findMany({
      where: { projectId },
      orderBy: [{ position: "asc" }, { title: "asc" }],
      select: { id: true, title: true, textLength: true, case: { select: { name: true } } },
    }),
    db().case.findMany({ where: { projectId }, orderBy: { name: "asc" }, take: MAX_CASE_NAMES, select: { id: true, name: true } }),
    db().case.count({ where: { projectId } }),
    db().code.findMany({ where: { projectId, deletedAt: null }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, colour: true, parentId: true, position: true } }),
    db().membership.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { id: true, name: true, email: true } } } }),
    // Counts honour blind coding: an analyst counts only what they may see.
    visibleCoderIds(projectId, null, viewer).then(async (visibility) => ({ visibility, counts: await codingCounts(projectId, visibility) })),
  ]);
  const { byDocument, byCode } = counts;
  return {
    ...project,
    // Colleagues' names are part of the team; their addresses are for owners (who invite and reset).
    memberships: memberships.map((m) => (viewer.role === "owner" || m.user.id === viewer.id ? m : { ...m, user: { ...m.user, email: "" } })),
    blind: visibility !== "all",
    documents: documents.map((d) => ({ ...d, codings: byDocument.get(d.id) ?? 0 })),
    codes: codes.map((c) => ({ ...c, codings: byCode.get(c.id) ?? 0 })),
    cases,
    caseCount,
  };
}

/**
 * Codings per document and per code (of codes not deleted), of the analysts `visibility`
 * allows, in one pass: an index-only scan of Coding's (documentId, codeId, coderId, ...) key
 * grouped two ways, rather than two scans of the whole table with its quotes.
 */
async function codingCounts(projectId: string, visibility: CoderVisibility) {
  const rows = await analysisQuery<{ document_id: string | null; code_id: string | null; n: number }>(Prisma.sql`
    SELECT k."documentId" AS document_id, k."codeId" AS code_id, count(*)::int AS n
    FROM "Coding" k JOIN "Code" c ON c.id = k."codeId" AND c."deletedAt" IS NULL
    WHERE k."documentId" = ANY (ARRAY(SELECT id FROM "Document" WHERE "projectId" = ${projectId}))
      ${visibility === "all" ? Prisma.empty : Prisma.sql`AND k."coderId" = ANY(${visibility}::text[])`}
    GROUP BY GROUPING SETS ((k."documentId"), (k."codeId"))`);
  const byDocument = new Map<string, number>();
  const byCode = new Map<string, number>();
  for (const row of rows) {
    if (row.document_id !== null) byDocument.set(row.document_id, row.n);
    else if (row.code_id !== null) byCode.set(row.code_id, row.n);
  }
  return { byDocument, byCode };
}

export type ProjectRole = MemberRole;

/** Projects the user owns that can take changes (not archived or deleted), e.g. to receive a codebook. */
export async function listWritableOwnedProjects(userId: string, except: string) {
  const rows = await db().membership.findMany({
    where: { userId, role: "owner", projectId: { not: except }, project: { deletedAt: null, archivedAt: null } },
    orderBy: { project: { name: "asc" } },
    select: { project: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.project);
}
