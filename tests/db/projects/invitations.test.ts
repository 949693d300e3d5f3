import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { claimInvitations } from "../../../lib/projects/invitations";
import { inviteMember } from "../../../lib/projects/mutations";
import { inviteMemberSchema } from "../../../lib/projects/schema";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma, url } = await useTestDatabase();

const asUser = (u: { id: string; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });
const invite = (user: { id: string; email: string; name: string }, input: unknown) => runProjectAction(asUser(user), inviteMemberSchema, "owner", inviteMember, input);

async function world() {
  const owner = await makeUser(prisma);
  const analyst = await makeUser(prisma);
  const existing = await makeUser(prisma);
  const otherOwner = await makeUser(prisma);
  const a = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
  const b = await makeProject(prisma, [{ userId: otherOwner.id, role: "owner" }]);
  return { owner, analyst, existing, otherOwner, a, b };
}

/** Everything an owner could observe of an invitation, with the address itself masked. */
async function observable(projectId: string, email: string, result: unknown) {
  const mask = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(email, "<email>").replace(/"c[a-z0-9]{20,}"/g, '"<id>"'));
  const members = await prisma.membership.count({ where: { projectId } });
  const invitation = await prisma.projectInvitation.findUnique({ where: { projectId_email: { projectId, email } }, select: { role: true, email: true } });
  const audit = await prisma.auditEvent.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { action: true, entity: true, after: true } });
  return mask({ result, members, invitation, audit });
}

describe("inviting a member does not reveal who has an account", () => {
  it("answers, writes and audits the same for an address with an account and one without", async () => {
    const w1 = await world();
    const withAccount = await invite(w1.owner, { projectId: w1.a.id, email: w1.existing.email.toUpperCase(), role: "analyst" });
    const w2 = await world();
    const ghost = `nobody-${Date.now()}@example.org`;
    const withoutAccount = await invite(w2.owner, { projectId: w2.a.id, email: ghost, role: "analyst" });

    expect(withAccount).toMatchObject({ ok: true, data: { email: w1.existing.email, role: "analyst", message: expect.stringMatching(/^Invitation recorded for /) } });
    expect(await observable(w1.a.id, w1.existing.email, withAccount)).toEqual(await observable(w2.a.id, ghost, withoutAccount));
    // No account is made, no membership yet: only the invitation.
    expect(await prisma.user.findUnique({ where: { email: ghost } })).toBeNull();
    expect(await prisma.membership.findFirst({ where: { projectId: w1.a.id, userId: w1.existing.id } })).toBeNull();
  });

  it("an invited person with an account becomes a member, with the invited role, when they next arrive", async () => {
    const w = await world();
    await invite(w.owner, { projectId: w.a.id, email: w.existing.email, role: "viewer" });
    await invite(w.owner, { projectId: w.a.id, email: w.existing.email, role: "analyst" }); // inviting again changes the role
    expect(await claimInvitations(asUser(w.existing))).toEqual([w.a.id]);
    expect(await prisma.membership.findUnique({ where: { projectId_userId: { projectId: w.a.id, userId: w.existing.id } } })).toMatchObject({ role: "analyst" });
    expect(await prisma.projectInvitation.count({ where: { projectId: w.a.id } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({ where: { projectId: w.a.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["invitation.create", "invitation.create", "membership.create"]);
    expect(audit.every((e) => e.actorId === w.owner.id)).toBe(true);
    expect(await claimInvitations(asUser(w.existing))).toEqual([]); // nothing twice
    // A person never invited gains nothing.
    expect(await claimInvitations(asUser(w.otherOwner))).toEqual([]);
  });

  it("an invited address without an account becomes a member when npm run user:create makes the account", async () => {
    const w = await world();
    const email = `later-${Date.now()}@example.org`;
    await invite(w.owner, { projectId: w.a.id, email, role: "viewer" });
    const output = execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/user-create.ts", "--email", email, "--name", "Later Person", "--password", "a-long-password-1"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(output).toMatch(/Invitations to 1 project\(s\) are now memberships/);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await prisma.membership.findUnique({ where: { projectId_userId: { projectId: w.a.id, userId: user.id } } })).toMatchObject({ role: "viewer" });
  });

  it("refuses a current member (CONFLICT), analysts, another project's owner and a malformed address", async () => {
    const w = await world();
    const input = { projectId: w.a.id, email: "x@example.org", role: "viewer" };
    expect(await invite(w.owner, { ...input, email: w.analyst.email })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await invite(w.analyst, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await invite(w.otherOwner, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await invite(w.owner, { ...input, email: "not an address" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.projectInvitation.count({ where: { projectId: w.a.id } })).toBe(0);
  });
});
