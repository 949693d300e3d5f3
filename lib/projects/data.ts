import { db } from "../db/client";
import type { MemberRole } from "../db/generated/enums";
import { visibleCoderIds, type Viewer } from "../rigour/blind";

export function findMembership(userId: string, projectId: string) {
  return db().membership.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } });
}

export function listProjectsForUser(userId: string) {
  return db().membership.findMany({
    where: { userId },
    orderBy: { project: { name: "asc" } },
    select: {
      role: true,
      project: { select: { id: true, name: true, description: true, _count: { select: { documents: true, cases: true, codes: true } } } },
    },
  });
}

/** The project home: documents, codes, cases, members, with coding counts the viewer may see. */
export async function getProjectHome(projectId: string, viewer: Viewer) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      description: true,
      documents: {
        orderBy: [{ position: "asc" }, { title: "asc" }],
        select: { id: true, title: true, textLength: true, case: { select: { name: true } } },
      },
      cases: { orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { documents: true } } } },
      codes: {
        where: { deletedAt: null },
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { id: true, name: true, colour: true, parentId: true, position: true },
      },
      memberships: { orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!project) return null;
  // Counts honour blind coding: an analyst counts only what they may see.
  const visibility = await visibleCoderIds(projectId, null, viewer);
  const where = { projectId, code: { deletedAt: null }, ...(visibility === "all" ? {} : { coderId: { in: visibility } }) };
  const [byDocument, byCode] = await Promise.all([
    db().coding.groupBy({ by: ["documentId"], where, _count: { _all: true } }),
    db().coding.groupBy({ by: ["codeId"], where, _count: { _all: true } }),
  ]);
  const documentCounts = new Map(byDocument.map((g) => [g.documentId, g._count._all]));
  const codeCounts = new Map(byCode.map((g) => [g.codeId, g._count._all]));
  return {
    ...project,
    // Colleagues' names are part of the team; their addresses are for owners (who invite and reset).
    memberships: project.memberships.map((m) => (viewer.role === "owner" || m.user.id === viewer.id ? m : { ...m, user: { ...m.user, email: "" } })),
    blind: visibility !== "all",
    documents: project.documents.map((d) => ({ ...d, codings: documentCounts.get(d.id) ?? 0 })),
    codes: project.codes.map((c) => ({ ...c, codings: codeCounts.get(c.id) ?? 0 })),
  };
}

export type ProjectRole = MemberRole;
