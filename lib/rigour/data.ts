import { db } from "../db/client";
import { notFound } from "../errors";

/**
 * Reads for the assignment pages. Callers (pages) have checked that the reader is a member.
 * Nothing here returns codings: the queue counts only the reader's own.
 */

/** The project's name, its people who may code, and its documents in reading order. */
export async function getRigourBasics(projectId: string) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      blindCoding: true,
      documents: { orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, blindCoding: true } },
      memberships: { orderBy: [{ user: { name: "asc" } }], select: { role: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!project) throw notFound("That project");
  return {
    id: project.id,
    name: project.name,
    blindCoding: project.blindCoding,
    documents: project.documents,
    /** Members who may code: analysts first, then owners. */
    coders: project.memberships
      .filter((m) => m.role !== "viewer")
      .sort((a, b) => (a.role === b.role ? 0 : a.role === "analyst" ? -1 : 1))
      .map((m) => ({ ...m.user, role: m.role })),
  };
}

export type RigourBasics = Awaited<ReturnType<typeof getRigourBasics>>;

/** Every assignment of the project: who has which document, and whether they marked it done. */
export async function getAssignments(projectId: string) {
  return db().assignment.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, documentId: true, userId: true, doneAt: true, createdAt: true },
  });
}

/** The reader's own queue: documents assigned to them, with how many codings they made there. */
export async function getQueue(projectId: string, userId: string) {
  const [assignments, counts] = await Promise.all([
    db().assignment.findMany({
      where: { projectId, userId },
      orderBy: [{ document: { position: "asc" } }, { document: { title: "asc" } }],
      select: { id: true, doneAt: true, createdAt: true, document: { select: { id: true, title: true, textLength: true } } },
    }),
    db().coding.groupBy({ by: ["documentId"], where: { projectId, coderId: userId }, _count: { _all: true } }),
  ]);
  const mine = new Map(counts.map((c) => [c.documentId, c._count._all]));
  return assignments.map((a) => ({ ...a, myCodings: mine.get(a.document.id) ?? 0 }));
}

/** Headline counts for the Rigour overview. */
export async function getRigourOverview(projectId: string) {
  const [assignments, done, decisions, consensus] = await Promise.all([
    db().assignment.count({ where: { projectId } }),
    db().assignment.count({ where: { projectId, doneAt: { not: null } } }),
    db().adjudicationDecision.count({ where: { projectId, undoneAt: null } }),
    db().consensusCoding.count({ where: { projectId } }),
  ]);
  return { assignments, done, decisions, consensus };
}

/**
 * Whether blind mode covered any of these documents at some point (the project's switch or
 * the document's own), from the audit log: the methods paragraph may then say the analysts
 * coded independently.
 */
export async function blindAtSomePoint(projectId: string, documentIds: string[]): Promise<boolean> {
  const count = await db().auditEvent.count({
    where: {
      projectId,
      OR: [{ action: "project.blind" }, { action: "document.blind", entityId: { in: documentIds } }],
    },
  });
  if (count > 0) return true;
  // Flags set outside the app (a script, a migration) leave no event: read them too.
  const flagged = await db().project.count({ where: { id: projectId, OR: [{ blindCoding: true }, { documents: { some: { id: { in: documentIds }, blindCoding: true } } }] } });
  return flagged > 0;
}
