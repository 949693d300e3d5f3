import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import type { UpdateProjectInput } from "./schema";

type Details = { name: string; description: string };

/** Renames a project and rewrites its description, with both as they were in the audit log. */
export async function updateProjectDetails(ctx: ProjectContext, input: UpdateProjectInput): Promise<Details> {
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { name: true, description: true } });
    const after = await tx.project.update({ where: { id: ctx.projectId }, data: { name: input.name, description: input.description }, select: { name: true, description: true } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "project.update", entity: "Project", entityId: ctx.projectId, before, after });
    return after;
  });
}
