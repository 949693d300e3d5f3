import { db } from "../db/client";
import type { MemberRole } from "../db/generated/enums";

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

export async function getProjectHome(projectId: string) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      description: true,
      documents: {
        orderBy: [{ position: "asc" }, { title: "asc" }],
        select: { id: true, title: true, textLength: true, case: { select: { name: true } }, _count: { select: { codings: true } } },
      },
      cases: { orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { documents: true } } } },
      codes: {
        where: { deletedAt: null },
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { id: true, name: true, colour: true, parentId: true, position: true, _count: { select: { codings: true } } },
      },
      memberships: { orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  return project;
}

export type ProjectRole = MemberRole;
