import { describe, expect, it } from "vitest";
import { runSignedIn } from "../../../lib/auth/project-access";
import { createProject } from "../../../lib/projects/mutations";
import { createProjectSchema } from "../../../lib/projects/schema";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const asUser = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const create = (user: User | null, input: unknown) => runSignedIn(user && asUser(user), createProjectSchema, createProject, input);

const FIELDS = { name: true, colour: true, description: true, inclusion: true, exclusion: true, example: true, shortcut: true, position: true } as const;

/** The codebook as a tree of names and fields, without ids: what a copy must reproduce. */
async function codebook(projectId: string) {
  const codes = await prisma.code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, ...FIELDS } });
  const under = (parentId: string | null): unknown[] =>
    codes
      .filter((c) => c.parentId === parentId)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map(({ id, parentId: _p, ...fields }) => ({ ...fields, children: under(id) }));
  return { tree: under(null), ids: codes.map((c) => c.id) };
}

async function threeLevelCodebook(projectId: string) {
  const code = (name: string, parentId: string | null, position: number, extra: object = {}) =>
    prisma.code.create({ data: { projectId, name, parentId, position, colour: "#1f77b4", description: `${name}: what it means`, inclusion: `${name} in`, exclusion: `${name} out`, example: `${name} e.g.`, ...extra } });
  const people = await code("People", null, 0, { shortcut: "p" });
  const costs = await code("Costs", null, 1, { colour: "#d62728" });
  const staff = await code("Staff", people.id, 0, { shortcut: "s" });
  await code("Customers", people.id, 1);
  await code("Turnover", staff.id, 0, { colour: "#2ca02c", shortcut: "t" });
  await code("Training", staff.id, 1);
  await code("Licences", costs.id, 0);
  await code("Dropped idea", costs.id, 2, { deletedAt: new Date() });
}

describe("creating a project", () => {
  it("creates an empty project with the caller as its sole owner, audited", async () => {
    const me = await makeUser(prisma);
    const result = await create(me, { name: "  Nurses' burnout  ", description: "Twelve interviews" });
    expect(result).toMatchObject({ ok: true, data: { name: "Nurses' burnout", codes: 0 } });
    const projectId = result.ok ? result.data.projectId : "";
    expect(await prisma.project.findUnique({ where: { id: projectId }, select: { name: true, description: true } })).toEqual({ name: "Nurses' burnout", description: "Twelve interviews" });
    expect(await prisma.membership.findMany({ where: { projectId }, select: { userId: true, role: true } })).toEqual([{ userId: me.id, role: "owner" }]);
    expect(await prisma.code.count({ where: { projectId } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({ where: { projectId }, select: { action: true, actorId: true, after: true } });
    expect(audit).toEqual([{ action: "project.create", actorId: me.id, after: expect.objectContaining({ name: "Nurses' burnout", codebook: null }) }]);
  });

  it("copies a three-level codebook exactly: same tree and fields, new ids, the deleted code left out, the source unchanged", async () => {
    const me = await makeUser(prisma);
    const source = await makeProject(prisma, [{ userId: me.id, role: "analyst" }]);
    await threeLevelCodebook(source.id);
    const doc = await makeDocument(prisma, source.id);
    const before = await codebook(source.id);
    const sourceRows = await prisma.code.findMany({ where: { projectId: source.id }, orderBy: { id: "asc" } });

    const result = await create(me, { name: "Second study", codebookFrom: source.id });
    expect(result).toMatchObject({ ok: true, data: { codes: 7 } });
    const projectId = result.ok ? result.data.projectId : "";
    const copy = await codebook(projectId);
    expect(copy.tree).toEqual(before.tree);
    expect(copy.ids).toHaveLength(7);
    for (const id of copy.ids) expect(before.ids).not.toContain(id);
    expect(await prisma.code.count({ where: { projectId, deletedAt: { not: null } } })).toBe(0);
    // Nothing else comes along.
    expect(await prisma.document.count({ where: { projectId } })).toBe(0);
    expect(await prisma.document.count({ where: { id: doc.id, projectId: source.id } })).toBe(1);
    expect(await prisma.code.findMany({ where: { projectId: source.id }, orderBy: { id: "asc" } })).toEqual(sourceRows);
    const audit = await prisma.auditEvent.findFirst({ where: { projectId, action: "project.create" }, select: { after: true } });
    expect(audit?.after).toMatchObject({ codebook: { copiedFrom: source.id, codes: 7 } });
  });

  it("refuses the codebook of a project the caller is not a member of: NOT_FOUND, nothing created", async () => {
    const me = await makeUser(prisma);
    const stranger = await makeUser(prisma);
    const theirs = await makeProject(prisma, [{ userId: stranger.id, role: "owner" }]);
    await threeLevelCodebook(theirs.id);
    const projects = await prisma.project.count();
    for (const codebookFrom of [theirs.id, "cnosuchproject00000000000"]) {
      const result = await create(me, { name: "Borrowed", codebookFrom });
      expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    expect(await prisma.project.count()).toBe(projects);
    expect(await prisma.membership.count({ where: { userId: me.id } })).toBe(0);
  });

  it("refuses a viewer's copy of a codebook (the form offers only projects one works in)", async () => {
    const me = await makeUser(prisma);
    const source = await makeProject(prisma, [{ userId: me.id, role: "viewer" }]);
    const result = await create(me, { name: "Copy", codebookFrom: source.id });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", fieldErrors: { codebookFrom: [expect.any(String)] } } });
    expect(await prisma.membership.count({ where: { userId: me.id } })).toBe(1);
  });

  it("refuses an empty or blank name, and an over-long one, with a message for the field", async () => {
    const me = await makeUser(prisma);
    const projects = await prisma.project.count();
    for (const name of ["", "   "]) {
      expect(await create(me, { name })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: ["Give the project a name."] } } });
    }
    expect(await create(me, { name: "x".repeat(201) })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: [expect.any(String)] } } });
    expect(await create(me, { name: "Fine", description: "x".repeat(2001) })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { description: [expect.any(String)] } } });
    expect(await prisma.project.count()).toBe(projects);
  });

  it("answers a signed-out caller UNAUTHENTICATED, creating nothing", async () => {
    const projects = await prisma.project.count();
    expect(await create(null, { name: "Nobody's" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await prisma.project.count()).toBe(projects);
  });
});
