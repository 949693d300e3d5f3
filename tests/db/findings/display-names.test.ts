import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCrosstab } from "../../../lib/analysis/breakdowns-data";
import type { CurrentUser } from "../../../lib/auth/session";
import * as actions from "../../../lib/cases/actions";
import { attributeLabel } from "../../../lib/cases/label";
import { exportBackup, restoreBackup } from "../../../lib/interop/backup";
import { as, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../../../lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { prisma } = await useTestDatabase();
const by = (u: User) => {
  session.user = as(u);
  return actions;
};

let w: TeamWorld;
let sectorId: string;
beforeAll(async () => {
  w = await teamWorld(prisma);
  sectorId = (await prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: "org_sector", type: "category", categories: ["academia", "industry"] } })).id;
});

describe("attribute display names", () => {
  it("an owner sets one (trimmed), reports label the attribute with it, and blank goes back to the name; each change audited", async () => {
    const set = await by(w.olivia).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "  Sector of the organisation " });
    expect(set).toEqual({ ok: true, data: { id: sectorId, name: "org_sector", displayName: "Sector of the organisation" } });
    expect((await getCrosstab(w.project.id, { kind: "any" }, sectorId)).attribute).toEqual({ id: sectorId, name: "org_sector", label: "Sector of the organisation" });

    const cleared = await by(w.olivia).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "   " });
    expect(cleared.ok && cleared.data.displayName).toBe("");
    expect(attributeLabel(await prisma.attributeDefinition.findUniqueOrThrow({ where: { id: sectorId } }))).toBe("org_sector");

    const audit = await prisma.auditEvent.findMany({ where: { action: "attribute.display_name", entityId: sectorId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [w.olivia.id, { id: sectorId, name: "org_sector", displayName: "" }, { id: sectorId, name: "org_sector", displayName: "Sector of the organisation" }],
      [w.olivia.id, { id: sectorId, name: "org_sector", displayName: "Sector of the organisation" }, { id: sectorId, name: "org_sector", displayName: "" }],
    ]);
  });

  it("analysts and viewers are refused, another project's attribute is not found, an over-long name is refused; nothing changes", async () => {
    const foreign = await prisma.attributeDefinition.create({ data: { projectId: w.other.id, name: "foreign", type: "text" } });
    const before = await prisma.auditEvent.count();
    expect(await by(w.ana).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "Hijacked" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await by(w.vic).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "Hijacked" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await by(w.olivia).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: foreign.id, displayName: "Mine now" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.otto).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "Mine now" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.olivia).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "x".repeat(201) })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.auditEvent.count()).toBe(before);
    expect((await prisma.attributeDefinition.findUniqueOrThrow({ where: { id: sectorId } })).displayName).toBe("");
    expect((await prisma.attributeDefinition.findUniqueOrThrow({ where: { id: foreign.id } })).displayName).toBe("");
  });

  it("a backup carries display names; a backup written before them restores with none", async () => {
    await by(w.olivia).setAttributeDisplayNameAction({ projectId: w.project.id, attributeId: sectorId, displayName: "Sector" });
    const me = { id: w.olivia.id, email: w.olivia.email, name: w.olivia.name };
    const archive = await exportBackup(w.project.id, { key: null });
    const restored = await restoreBackup(me, archive, "backup.zip", { key: null });
    const labels = async (projectId: string) =>
      (await prisma.attributeDefinition.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { name: true, displayName: true } })).map((a) => [a.name, a.displayName]);
    expect(await labels(restored.projectId)).toEqual(await labels(w.project.id));
    expect(await labels(restored.projectId)).toContainEqual(["org_sector", "Sector"]);

    // The same archive as an older version of Grounded wrote it: no displayName on any attribute.
    const files = unzipSync(archive);
    const data = JSON.parse(strFromU8(files["backup.json"]));
    for (const a of data.attributes) delete a.displayName;
    files["backup.json"] = strToU8(JSON.stringify(data));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    manifest.entries["backup.json"] = { sha256: createHash("sha256").update(files["backup.json"]).digest("hex"), bytes: files["backup.json"].length };
    files["manifest.json"] = strToU8(JSON.stringify(manifest));
    const old = await restoreBackup(me, zipSync(files), "old-backup.zip", { key: null });
    expect(await labels(old.projectId)).toContainEqual(["org_sector", ""]);
  });
});
