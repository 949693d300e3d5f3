import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import type { AssignDocumentsInput, MarkDoneInput, SetDocumentsBlindInput, SetProjectBlindInput, UnassignInput } from "./schema";

/**
 * Writes of the rigour tools other than adjudication (adjudication.ts): assignments, "done",
 * blind mode. Callers have checked the role (actions.ts); these check that every id belongs
 * to the caller's project, so another project's id is NOT_FOUND, and audit each change in
 * the same transaction.
 */

/**
 * Assigns each document to each person (owner). Members who may code (analysts, owners) can
 * be assigned; a viewer cannot code and is refused. Pairs already assigned are left as they
 * are (their "done" stays), so assigning twice is harmless.
 */
export async function assignDocuments(ctx: ProjectContext, input: AssignDocumentsInput) {
  const documentIds = [...new Set(input.documentIds)];
  const userIds = [...new Set(input.userIds)];
  return db().$transaction(async (tx) => {
    const documents = await tx.document.findMany({ where: { id: { in: documentIds }, projectId: ctx.projectId }, select: { id: true } });
    if (documents.length !== documentIds.length) throw notFound("A document");
    const members = await tx.membership.findMany({
      where: { projectId: ctx.projectId, userId: { in: userIds } },
      select: { role: true, userId: true, user: { select: { name: true } } },
    });
    if (members.length !== userIds.length) throw notFound("An analyst");
    const viewer = members.find((m) => m.role === "viewer");
    if (viewer) throw new AppError("VALIDATION", `${viewer.user.name} is a viewer and cannot code; make them an analyst first.`, { userIds: ["Viewers cannot be assigned documents."] });

    const existing = await tx.assignment.findMany({ where: { documentId: { in: documentIds }, userId: { in: userIds } }, select: { documentId: true, userId: true } });
    const have = new Set(existing.map((a) => `${a.documentId}\u0000${a.userId}`));
    const data = documentIds.flatMap((documentId) =>
      userIds.filter((userId) => !have.has(`${documentId}\u0000${userId}`)).map((userId) => ({ projectId: ctx.projectId, documentId, userId, assignedById: ctx.user.id })),
    );
    const created = await tx.assignment.createManyAndReturn({ data, select: { id: true, documentId: true, userId: true, assignedById: true, createdAt: true } });
    for (const assignment of created) {
      await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "assignment.create", entity: "Assignment", entityId: assignment.id, after: assignment });
    }
    return { created: created.length, alreadyAssigned: existing.length };
  });
}

/** Takes a document off someone's queue (owner). Their codings stay. */
export async function unassignDocument(ctx: ProjectContext, input: UnassignInput) {
  return db().$transaction(async (tx) => {
    const assignment = await tx.assignment.findFirst({ where: { projectId: ctx.projectId, documentId: input.documentId, userId: input.userId } });
    if (!assignment) throw notFound("That assignment");
    await tx.assignment.delete({ where: { id: assignment.id } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "assignment.delete", entity: "Assignment", entityId: assignment.id, before: assignment });
    return { id: assignment.id };
  });
}

/**
 * The assigned person marks their own document done (or not done again). Only one's own
 * assignment: a document not assigned to the caller is NOT_FOUND, whoever else has it.
 */
export async function markDone(ctx: ProjectContext, input: MarkDoneInput) {
  return db().$transaction(async (tx) => {
    const assignment = await tx.assignment.findFirst({ where: { projectId: ctx.projectId, documentId: input.documentId, userId: ctx.user.id } });
    if (!assignment) throw notFound("That document in your queue");
    const doneAt = input.done ? (assignment.doneAt ?? new Date()) : null;
    if ((assignment.doneAt === null) === (doneAt === null)) return { id: assignment.id, doneAt: assignment.doneAt };
    const after = await tx.assignment.update({ where: { id: assignment.id }, data: { doneAt } });
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: input.done ? "assignment.done" : "assignment.undone",
      entity: "Assignment",
      entityId: assignment.id,
      before: { doneAt: assignment.doneAt },
      after: { doneAt: after.doneAt },
    });
    return { id: after.id, doneAt: after.doneAt };
  });
}

/** Blind mode for the whole project on (blind) or off (reveal). */
export async function setProjectBlind(ctx: ProjectContext, input: SetProjectBlindInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { blindCoding: true } });
    if (before.blindCoding === input.blind) return { blind: input.blind, changed: false };
    await tx.project.update({ where: { id: ctx.projectId }, data: { blindCoding: input.blind } });
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: input.blind ? "project.blind" : "project.reveal",
      entity: "Project",
      entityId: ctx.projectId,
      before,
      after: { blindCoding: input.blind },
    });
    return { blind: input.blind, changed: true };
  });
}

/**
 * Blind mode for chosen documents on or off. A document's own flag only adds to the
 * project's: while the whole project is blind, revealing one document changes its flag but
 * not what analysts see (the page says so).
 */
export async function setDocumentsBlind(ctx: ProjectContext, input: SetDocumentsBlindInput) {
  const documentIds = [...new Set(input.documentIds)];
  return db().$transaction(async (tx) => {
    const documents = await tx.document.findMany({ where: { id: { in: documentIds }, projectId: ctx.projectId }, select: { id: true, blindCoding: true } });
    if (documents.length !== documentIds.length) throw notFound("A document");
    const changing = documents.filter((d) => d.blindCoding !== input.blind).map((d) => d.id);
    if (changing.length === 0) return { changed: 0 };
    await tx.document.updateMany({ where: { id: { in: changing } }, data: { blindCoding: input.blind } });
    for (const id of changing) {
      await recordAudit(tx, {
        projectId: ctx.projectId,
        actorId: ctx.user.id,
        action: input.blind ? "document.blind" : "document.reveal",
        entity: "Document",
        entityId: id,
        before: { blindCoding: !input.blind },
        after: { blindCoding: input.blind },
      });
    }
    return { changed: changing.length };
  });
}
