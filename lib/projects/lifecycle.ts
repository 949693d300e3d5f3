import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import type { ArchiveProjectInput, DeleteProjectInput, RestoreProjectInput } from "./schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a deleted project can be brought back: GROUNDED_PROJECT_RECOVERY_DAYS, default 30.
 * 0 means a deletion is erased at the next purge (the server purges at start and hourly).
 */
export function recoveryDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GROUNDED_PROJECT_RECOVERY_DAYS?.trim();
  const days = Number(raw);
  return raw && Number.isInteger(days) && days >= 0 ? days : 30;
}

/** When a project deleted at `deletedAt` is erased for good. */
export const erasedAfter = (deletedAt: Date, days = recoveryDays()) => new Date(deletedAt.getTime() + days * DAY_MS);

/**
 * Archives a project (read-only for everyone, listed apart) or brings it back. Owners only;
 * the one change an archived project accepts besides deletion (authorizeProject lets it through).
 */
export async function setProjectArchived(ctx: ProjectContext, input: ArchiveProjectInput): Promise<{ archivedAt: Date | null }> {
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { archivedAt: true } });
    if ((before.archivedAt !== null) === input.archived) return before;
    const after = await tx.project.update({ where: { id: ctx.projectId }, data: { archivedAt: input.archived ? new Date() : null }, select: { archivedAt: true } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: input.archived ? "project.archive" : "project.unarchive", entity: "Project", entityId: ctx.projectId, before, after });
    return after;
  });
}

/**
 * Deletes a project: the owner types its name to confirm. Nothing is erased yet: the project
 * disappears for every member at once (findMembership no longer finds it), its owners can
 * restore it from the projects page until the recovery period ends, and then purgeExpired
 * erases it with everything in it.
 */
export async function deleteProject(ctx: ProjectContext, input: DeleteProjectInput): Promise<{ erasedAfter: Date }> {
  return db().$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { name: true, deletedAt: true } });
    if (input.confirmName.trim() !== project.name.trim()) {
      throw new AppError("VALIDATION", `Type the project's name, ${project.name}, exactly to delete it.`, { confirmName: ["That is not the project's name."] });
    }
    const deletedAt = new Date();
    await tx.project.update({ where: { id: ctx.projectId }, data: { deletedAt } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "project.delete", entity: "Project", entityId: ctx.projectId, before: { deletedAt: null }, after: { deletedAt, recoveryDays: recoveryDays() } });
    return { erasedAfter: erasedAfter(deletedAt) };
  });
}

/**
 * Brings a deleted project back, as it was. Only its owners, and only within the recovery
 * period; for anyone else the project does not exist.
 */
export async function restoreDeletedProject(user: CurrentUser, input: RestoreProjectInput): Promise<{ projectId: string; name: string }> {
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { projectId_userId: { projectId: input.projectId, userId: user.id } },
      select: { role: true, project: { select: { name: true, deletedAt: true } } },
    });
    const deletedAt = membership?.project.deletedAt;
    if (!membership || membership.role !== "owner" || !deletedAt || erasedAfter(deletedAt) <= new Date()) throw notFound("That deleted project");
    await tx.project.update({ where: { id: input.projectId }, data: { deletedAt: null } });
    await recordAudit(tx, { projectId: input.projectId, actorId: user.id, action: "project.restore", entity: "Project", entityId: input.projectId, before: { deletedAt }, after: { deletedAt: null } });
    return { projectId: input.projectId, name: membership.project.name };
  });
}

/** The user's deleted projects they may still restore (owners), soonest erased first. */
export async function listRestorableProjects(userId: string) {
  const cutoff = new Date(Date.now() - recoveryDays() * DAY_MS);
  const rows = await db().membership.findMany({
    where: { userId, role: "owner", project: { deletedAt: { gt: cutoff } } },
    orderBy: { project: { deletedAt: "asc" } },
    select: { project: { select: { id: true, name: true, deletedAt: true } } },
  });
  return rows.map(({ project }) => ({ id: project.id, name: project.name, erasedAfter: erasedAfter(project.deletedAt!) }));
}

/**
 * Erases the projects whose recovery period has ended, with everything in them (the foreign
 * keys cascade, the project's own audit rows among them). One line per erased project stays
 * in the server-wide log (no project id): what was erased, when it was deleted. Returns how many.
 */
export async function purgeExpiredProjects(now = new Date(), days = recoveryDays()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return db().$transaction(async (tx) => {
    const expired = await tx.project.findMany({ where: { deletedAt: { lte: cutoff } }, select: { id: true, name: true, deletedAt: true } });
    if (expired.length === 0) return 0;
    await tx.project.deleteMany({ where: { id: { in: expired.map((p) => p.id) } } });
    for (const project of expired) {
      await recordAudit(tx, { projectId: null, actorId: null, action: "project.purge", entity: "Project", entityId: project.id, before: project });
    }
    return expired.length;
  }, { timeout: 120_000 });
}
