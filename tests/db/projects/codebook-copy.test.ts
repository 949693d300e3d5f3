import { describe, expect, it } from "vitest";
import { runProjectAction, runSignedIn } from "../../../lib/auth/project-access";
import { copyCodebookToProject } from "../../../lib/projects/codebook-copy";
import { createProject } from "../../../lib/projects/mutations";
import { copyCodebookSchema, createProjectSchema } from "../../../lib/projects/schema";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const me = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const copy = (u: User, input: unknown) => runProjectAction(me(u), copyCodebookSchema, "viewer", copyCodebookToProject, input, true);

async function names(projectId: string) {
  const codes = await prisma.code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, position: true, shortcut: true, description: true } });
  const under = (parentId: string | null): unknown[] =>
    codes.filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position).map((c) => ({ name: c.name, shortcut: c.shortcut, description: c.description, children: under(c.id) }));
  return under(null);
}

describe("copy codebook to another project", () => {
  it("merges codes the receiving codebook has, adds the rest with their definitions, and keeps its shortcut keys", async () => {
    const user = await makeUser(prisma);
    const source = await makeProject(prisma, [{ userId: user.id, role: "analyst" }]);
    const target = await makeProject(prisma, [{ userId: user.id, role: "owner" }]);
    const people = await prisma.code.create({ data: { projectId: source.id, name: "People", position: 0, description: "Who is talked about", shortcut: "p" } });
    await prisma.code.create({ data: { projectId: source.id, name: "Nurses", parentId: people.id, position: 0, description: "Ward staff" } });
    await prisma.code.create({ data: { projectId: source.id, name: "Costs", position: 1, description: "Money", shortcut: "c" } });
    const theirs = await prisma.code.create({ data: { projectId: target.id, name: "people ", position: 0, description: "Their own definition", shortcut: "c" } });

    const result = await copy(user, { projectId: source.id, targetProjectId: target.id });
    expect(result).toMatchObject({ ok: true, data: { created: 2, matched: 1, shortcutsDropped: ["c"] } });
    expect(await names(target.id)).toEqual([
      { name: "people ", shortcut: "c", description: "Their own definition", children: [{ name: "Nurses", shortcut: null, description: "Ward staff", children: [] }] },
      { name: "Costs", shortcut: null, description: "Money", children: [] },
    ]);
    expect((await prisma.code.findUniqueOrThrow({ where: { id: theirs.id } })).description).toBe("Their own definition");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: target.id, action: "codebook.copy" } });
    expect(audit).toMatchObject({ actorId: user.id, after: { from: source.id, created: 2, matched: 1 } });

    // Copying again adds nothing: every code is now there.
    expect(await copy(user, { projectId: source.id, targetProjectId: target.id })).toMatchObject({ ok: true, data: { created: 0, matched: 3 } });
  });

  it("refuses viewers of the source, non-owners and strangers of the target, an archived target, and the project itself", async () => {
    const [user, other] = [await makeUser(prisma), await makeUser(prisma)];
    const source = await makeProject(prisma, [{ userId: user.id, role: "analyst" }, { userId: other.id, role: "viewer" }]);
    await prisma.code.create({ data: { projectId: source.id, name: "Trust" } });
    const analystOf = await makeProject(prisma, [{ userId: user.id, role: "analyst" }]);
    const strangers = await makeProject(prisma, [{ userId: other.id, role: "owner" }]);
    const archived = await makeProject(prisma, [{ userId: user.id, role: "owner" }]);
    await prisma.project.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

    expect(await copy(other, { projectId: source.id, targetProjectId: strangers.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await copy(user, { projectId: source.id, targetProjectId: analystOf.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await copy(user, { projectId: source.id, targetProjectId: strangers.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await copy(user, { projectId: source.id, targetProjectId: archived.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringContaining("archived") } });
    expect(await copy(user, { projectId: source.id, targetProjectId: source.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.code.count({ where: { projectId: { in: [analystOf.id, strangers.id, archived.id] } } })).toBe(0);
  });

  it("copies a codebook of 10,000 codes into a new project in one transaction (longer than Prisma's default 5 s allows on this machine)", async () => {
    const user = await makeUser(prisma);
    const source = await makeProject(prisma, [{ userId: user.id, role: "owner" }]);
    // 100 parents of 99 children each: 10,000 codes, each with a definition.
    const parents = Array.from({ length: 100 }, (_, i) => ({ id: `${source.id}-p${i}`, projectId: source.id, name: `Theme ${i}`, position: i, description: `Definition of theme ${i}` }));
    await prisma.code.createMany({ data: parents });
    for (const parent of parents) {
      await prisma.code.createMany({ data: Array.from({ length: 99 }, (_, j) => ({ projectId: source.id, parentId: parent.id, name: `Sub ${j}`, position: j, inclusion: `Include ${j}` })) });
    }
    const result = await runSignedIn(me(user), createProjectSchema, createProject, { name: "Big copy", codebookFrom: source.id });
    expect(result).toMatchObject({ ok: true, data: { codes: 10_000 } });
    const projectId = result.ok ? result.data.projectId : "";
    expect(await prisma.code.count({ where: { projectId, parentId: null } })).toBe(100);
    expect(await prisma.code.count({ where: { projectId, parentId: { not: null }, inclusion: { startsWith: "Include" } } })).toBe(9_900);
  }, 120_000);
});
