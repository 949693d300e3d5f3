import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { updateProjectSchema } from "../../../lib/projects/schema";
import { updateProjectDetails } from "../../../lib/projects/settings";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const update = (u: { id: string; email: string; name: string }, input: Record<string, unknown>) =>
  runProjectAction({ id: u.id, email: u.email, name: u.name }, updateProjectSchema, "owner", updateProjectDetails, input);

describe("project name and description", () => {
  it("an owner renames the project and rewrites its description, audited with both as they were", async () => {
    const owner = await makeUser(prisma);
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    const before = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { name: true, description: true } });
    expect(await update(owner, { projectId: project.id, name: "  Night shifts  ", description: "Nurses on nights." })).toEqual({ ok: true, data: { name: "Night shifts", description: "Nurses on nights." } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "project.update" } });
    expect(audit).toMatchObject({ actorId: owner.id, before, after: { name: "Night shifts", description: "Nurses on nights." } });
  });

  it("refuses a blank name, analysts, and other projects, changing nothing", async () => {
    const [owner, analyst] = [await makeUser(prisma), await makeUser(prisma)];
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
    const other = await makeProject(prisma, []);
    const before = await prisma.project.findMany({ where: { id: { in: [project.id, other.id] } }, orderBy: { id: "asc" } });
    expect(await update(owner, { projectId: project.id, name: "   ", description: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: ["Give the project a name."] } } });
    expect(await update(analyst, { projectId: project.id, name: "Mine now", description: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await update(owner, { projectId: other.id, name: "Mine now", description: "" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.project.findMany({ where: { id: { in: [project.id, other.id] } }, orderBy: { id: "asc" } })).toEqual(before);
  });
});
