import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { changeMemberRole, LAST_OWNER_MESSAGE, removeMember } from "../../../lib/projects/members";
import { changeMemberRoleSchema, removeMemberSchema } from "../../../lib/projects/schema";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const asUser = (u: { id: string; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });
const change = (u: { id: string; email: string; name: string }, input: { projectId: string; userId: string; role: string }) =>
  runProjectAction(asUser(u), changeMemberRoleSchema, "owner", changeMemberRole, input);
const remove = (u: { id: string; email: string; name: string }, input: { projectId: string; userId: string }) =>
  runProjectAction(asUser(u), removeMemberSchema, "owner", removeMember, input);
const roles = async (projectId: string) =>
  Object.fromEntries((await prisma.membership.findMany({ where: { projectId }, select: { userId: true, role: true } })).map((m) => [m.userId, m.role]));

async function team() {
  const [olga, oscar, ana, vic] = [await makeUser(prisma), await makeUser(prisma), await makeUser(prisma), await makeUser(prisma)];
  const project = await makeProject(prisma, [
    { userId: olga.id, role: "owner" },
    { userId: oscar.id, role: "owner" },
    { userId: ana.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  return { project, olga, oscar, ana, vic };
}

describe("project members", () => {
  it("an owner changes a role and removes a member, both audited; the removed member's codings stay", async () => {
    const t = await team();
    const document = await makeDocument(prisma, t.project.id);
    const code = await makeCode(prisma, t.project.id);
    await prisma.coding.create({ data: { projectId: t.project.id, documentId: document.id, codeId: code.id, coderId: t.ana.id, start: 0, end: 11, quote: document.text.slice(0, 11) } });
    expect(await change(t.olga, { projectId: t.project.id, userId: t.vic.id, role: "analyst" })).toEqual({ ok: true, data: { userId: t.vic.id, role: "analyst" } });
    expect(await remove(t.olga, { projectId: t.project.id, userId: t.ana.id })).toEqual({ ok: true, data: { userId: t.ana.id } });
    expect(await roles(t.project.id)).toEqual({ [t.olga.id]: "owner", [t.oscar.id]: "owner", [t.vic.id]: "analyst" });
    expect(await prisma.coding.count({ where: { projectId: t.project.id, coderId: t.ana.id } })).toBe(1);
    const audit = await prisma.auditEvent.findMany({ where: { projectId: t.project.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "member.role", actorId: t.olga.id }, { action: "member.remove", actorId: t.olga.id }]);
  });

  it("never leaves a project without an owner, by demotion or removal, even of oneself", async () => {
    const t = await team();
    expect(await remove(t.olga, { projectId: t.project.id, userId: t.oscar.id })).toMatchObject({ ok: true });
    for (const attempt of [change(t.olga, { projectId: t.project.id, userId: t.olga.id, role: "analyst" }), remove(t.olga, { projectId: t.project.id, userId: t.olga.id })]) {
      expect(await attempt).toEqual({ ok: false, error: expect.objectContaining({ code: "CONFLICT", message: LAST_OWNER_MESSAGE }) });
    }
    expect((await roles(t.project.id))[t.olga.id]).toBe("owner");
  });

  it("two owners demoting each other at once: one wins, one is refused, an owner remains", async () => {
    const t = await team();
    const results = await Promise.all([
      change(t.olga, { projectId: t.project.id, userId: t.oscar.id, role: "viewer" }),
      change(t.oscar, { projectId: t.project.id, userId: t.olga.id, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const owners = Object.values(await roles(t.project.id)).filter((r) => r === "owner");
    expect(owners).toHaveLength(1);
  });

  it("refuses analysts and viewers, strangers' projects and people who are not members", async () => {
    const t = await team();
    const other = await team();
    expect(await change(t.ana, { projectId: t.project.id, userId: t.vic.id, role: "owner" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(t.vic, { projectId: t.project.id, userId: t.ana.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(t.olga, { projectId: other.project.id, userId: other.ana.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await remove(t.olga, { projectId: t.project.id, userId: other.ana.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await change(t.olga, { projectId: t.project.id, userId: t.vic.id, role: "admin" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await roles(t.project.id)).toEqual({ [t.olga.id]: "owner", [t.oscar.id]: "owner", [t.ana.id]: "analyst", [t.vic.id]: "viewer" });
    expect(await roles(other.project.id)).toMatchObject({ [other.ana.id]: "analyst" });
  });
});
