import { describe, expect, it } from "vitest";
import { authorizeProject, runProjectAction, runSignedIn } from "../../../lib/auth/project-access";
import { createCode } from "../../../lib/codes/mutations";
import { deleteProject, listRestorableProjects, purgeExpiredProjects, restoreDeletedProject, setProjectArchived } from "../../../lib/projects/lifecycle";
import { listProjectsForUser } from "../../../lib/projects/data";
import { archiveProjectSchema, deleteProjectSchema, restoreProjectSchema } from "../../../lib/projects/schema";
import { createCodeSchema } from "../../../lib/codes/schema";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const me = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const archive = (u: User, input: unknown) => runProjectAction(me(u), archiveProjectSchema, "owner", setProjectArchived, input, true);
const remove = (u: User, input: unknown) => runProjectAction(me(u), deleteProjectSchema, "owner", deleteProject, input, true);
const restore = (u: User, input: unknown) => runSignedIn(me(u), restoreProjectSchema, restoreDeletedProject, input);
const addCode = (u: User, projectId: string, name: string) => runProjectAction(me(u), createCodeSchema, "analyst", createCode, { projectId, name });

async function team() {
  const [owner, analyst] = [await makeUser(prisma), await makeUser(prisma)];
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
  return { owner, analyst, project };
}

describe("archiving a project", () => {
  it("makes it read-only for everyone until an owner unarchives it, audited both ways", async () => {
    const { owner, analyst, project } = await team();
    expect(await archive(analyst, { projectId: project.id, archived: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await archive(owner, { projectId: project.id, archived: true })).toMatchObject({ ok: true });

    for (const who of [owner, analyst]) {
      expect(await addCode(who, project.id, "Trust")).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringContaining("archived") } });
    }
    // Reading still works, and the projects list still has it, marked archived.
    await expect(authorizeProject(me(analyst), project.id, "viewer")).resolves.toMatchObject({ role: "analyst" });
    expect((await listProjectsForUser(analyst.id)).find((m) => m.project.id === project.id)?.project.archivedAt).toBeInstanceOf(Date);

    expect(await archive(owner, { projectId: project.id, archived: false })).toMatchObject({ ok: true, data: { archivedAt: null } });
    expect(await addCode(analyst, project.id, "Trust")).toMatchObject({ ok: true });
    const actions = await prisma.auditEvent.findMany({ where: { projectId: project.id, entity: "Project" }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual([{ action: "project.archive", actorId: owner.id }, { action: "project.unarchive", actorId: owner.id }]);
  });
});

describe("deleting a project", () => {
  it("needs the name typed exactly, and is refused to analysts", async () => {
    const { owner, analyst, project } = await team();
    const name = (await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).name;
    expect(await remove(owner, { projectId: project.id, confirmName: name + "x" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { confirmName: ["That is not the project's name."] } } });
    expect(await remove(analyst, { projectId: project.id, confirmName: name })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).deletedAt).toBeNull();
  });

  it("hides it from every member at once; its owner restores it with everything in it", async () => {
    const { owner, analyst, project } = await team();
    await makeDocument(prisma, project.id, "Kept while deleted.");
    const name = (await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).name;
    expect(await remove(owner, { projectId: project.id, confirmName: ` ${name} ` })).toMatchObject({ ok: true });

    for (const who of [owner, analyst]) {
      await expect(authorizeProject(me(who), project.id, "viewer")).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listProjectsForUser(who.id)).map((m) => m.project.id)).not.toContain(project.id);
    }
    expect((await listRestorableProjects(owner.id)).map((p) => p.id)).toContain(project.id);
    expect(await listRestorableProjects(analyst.id)).toEqual([]);
    expect(await restore(analyst, { projectId: project.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    expect(await restore(owner, { projectId: project.id })).toMatchObject({ ok: true, data: { projectId: project.id, name } });
    await expect(authorizeProject(me(analyst), project.id, "analyst")).resolves.toMatchObject({ projectId: project.id });
    expect(await prisma.document.count({ where: { projectId: project.id } })).toBe(1);
    const actions = (await prisma.auditEvent.findMany({ where: { projectId: project.id, entity: "Project" }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["project.delete", "project.restore"]);
  });

  it("is erased for good once the recovery period has passed, and not before", async () => {
    const { owner, project } = await team();
    await makeDocument(prisma, project.id, "Gone with the project.");
    const name = (await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).name;
    await remove(owner, { projectId: project.id, confirmName: name });
    const day = 24 * 60 * 60 * 1000;

    await purgeExpiredProjects(new Date(Date.now() + 29 * day), 30);
    expect(await prisma.project.count({ where: { id: project.id } })).toBe(1);

    expect(await purgeExpiredProjects(new Date(Date.now() + 31 * day), 30)).toBeGreaterThanOrEqual(1);
    expect(await prisma.project.count({ where: { id: project.id } })).toBe(0);
    expect(await prisma.document.count({ where: { projectId: project.id } })).toBe(0);
    expect(await restore(owner, { projectId: project.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const trace = await prisma.auditEvent.findFirstOrThrow({ where: { action: "project.purge", entityId: project.id } });
    expect(trace).toMatchObject({ projectId: null, before: { id: project.id, name } });
  });
});
