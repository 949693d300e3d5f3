import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { casesMatching } from "../../../lib/analysis/data";
import { snapshotCacheCounts } from "../../../lib/analysis/snapshot-cache";
import type { CurrentUser } from "../../../lib/auth/session";
import * as actions from "../../../lib/cases/actions";
import { as, code, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../../../lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { prisma } = await useTestDatabase();
const by = (u: User) => {
  session.user = as(u);
  return actions;
};
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

let w: TeamWorld;
beforeAll(async () => {
  w = await teamWorld(prisma);
});

let made = 0;
async function casesWith(values: Record<string, string>) {
  const ids: Record<string, string> = {};
  for (const name of Object.keys(values)) ids[name] = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: `${name} ${++made}` })).id;
  return ids;
}

describe("attributes", () => {
  it("an owner adds an attribute with its type and categories, renames it; names unique ignoring capitals; audited", async () => {
    const sector = ok(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Sector", type: "category", categories: ["Academia", "", "Industry"] }));
    expect(sector).toMatchObject({ name: "Sector", type: "category", categories: ["Academia", "Industry"] });
    expect(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: " sector ", type: "text" })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("“Sector” already exists") } });
    expect(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Region", type: "category", categories: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { categories: ["List the categories a case may have (one per line)."] } } });
    expect(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Region", type: "category", categories: ["North", "north"] })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { categories: ["A category is listed twice; list each once."] } } });
    const age = ok(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Age", type: "number" }));
    expect(await by(w.olivia).renameAttributeAction({ projectId: w.project.id, attributeId: age.id, name: "SECTOR" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    ok(await by(w.olivia).renameAttributeAction({ projectId: w.project.id, attributeId: age.id, name: "Age at interview" }));
    const positions = await prisma.attributeDefinition.findMany({ where: { id: { in: [sector.id, age.id] } }, orderBy: { position: "asc" }, select: { id: true } });
    expect(positions.map((p) => p.id)).toEqual([sector.id, age.id]);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: age.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ["attribute.create", null, { id: age.id, name: "Age", type: "number", categories: [] }],
      ["attribute.rename", { id: age.id, name: "Age" }, { id: age.id, name: "Age at interview" }],
    ]);
  });

  it("retyping states the values' fate beforehand, and what happens is what was stated", async () => {
    const years = ok(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Years (text)", type: "text" }));
    const ids = await casesWith({ a: "12", b: "1,500", c: "twelve", d: "about 3" });
    const raw = { a: "12", b: "1,500", c: "twelve", d: "about 3" } as Record<string, string>;
    for (const [k, id] of Object.entries(ids)) ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: id, attributeId: years.id, value: raw[k] }));
    const preview = ok(await by(w.olivia).previewRetypeAction({ projectId: w.project.id, attributeId: years.id, type: "number" }));
    expect(preview).toMatchObject({ converted: 2, cleared: 2, problem: null });
    expect(preview.message).toMatch(/^text → number: 2 values convert; 2 cannot and will be cleared: c \d+ \(“twelve”\), d \d+ \(“about 3”\)\.$/);
    // Nothing changed by looking.
    expect(await prisma.attributeDefinition.findUniqueOrThrow({ where: { id: years.id } })).toMatchObject({ type: "text" });
    expect(await prisma.attributeValue.count({ where: { attributeId: years.id } })).toBe(4);

    // A value written between the preview and the confirmation: refused with the new figures.
    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: ids.a!, attributeId: years.id, value: "not a number" }));
    const stale = await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: years.id, type: "number", expect: { converted: 2, cleared: 2 } });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { converted: 1, cleared: 3 } } });
    expect(await prisma.attributeDefinition.findUniqueOrThrow({ where: { id: years.id } })).toMatchObject({ type: "text" });

    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: ids.a!, attributeId: years.id, value: "12" }));
    expect(ok(await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: years.id, type: "number", expect: { converted: 2, cleared: 2 } }))).toMatchObject({ converted: 2, cleared: 2 });
    const values = await prisma.attributeValue.findMany({ where: { attributeId: years.id }, select: { caseId: true, textValue: true, numberValue: true, booleanValue: true } });
    expect(new Map(values.map((v) => [v.caseId, v]))).toEqual(new Map([
      [ids.a, { caseId: ids.a, textValue: null, numberValue: 12, booleanValue: null }],
      [ids.b, { caseId: ids.b, textValue: null, numberValue: 1500, booleanValue: null }],
    ]));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "attribute.retype", entityId: years.id } });
    expect(audit.before).toEqual({ name: "Years (text)", type: "text", categories: [] });
    expect(audit.after).toMatchObject({ type: "number", converted: 2, cleared: expect.arrayContaining([expect.objectContaining({ value: "twelve" }), expect.objectContaining({ value: "about 3" })]) });

    // Back to a category, the list made from the values; then the list edited, clearing what falls outside.
    expect(ok(await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: years.id, type: "category" }))).toMatchObject({ converted: 2, cleared: 0, categories: ["12", "1500"] });
    expect(ok(await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: years.id, type: "category", categories: ["12", "20"] }))).toMatchObject({ converted: 1, cleared: 1 });
    expect(await prisma.attributeValue.findMany({ where: { attributeId: years.id }, select: { textValue: true } })).toEqual([{ textValue: "12" }]);
    expect(await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: years.id, type: "text" })).toMatchObject({ ok: true });
    expect(await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: years.id, type: "text" })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "The attribute is already text." } });
  });

  it("deleting an attribute removes its values, says how many, and keeps them in the audit row", async () => {
    const doomed = ok(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Doomed", type: "boolean" }));
    const ids = await casesWith({ x: "", y: "" });
    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: ids.x!, attributeId: doomed.id, value: true }));
    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: ids.y!, attributeId: doomed.id, value: false }));
    expect(ok(await by(w.olivia).deleteAttributeAction({ projectId: w.project.id, attributeId: doomed.id }))).toEqual({ name: "Doomed", values: 2 });
    expect(await prisma.attributeValue.count({ where: { attributeId: doomed.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "attribute.delete", entityId: doomed.id } });
    expect((audit.before as { values: unknown[] }).values).toHaveLength(2);
    expect(await by(w.olivia).deleteAttributeAction({ projectId: w.other.id, attributeId: doomed.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("the analysis sees a change at once", () => {
  it("a crosstab and a case filter read after a value change show the new value, with the analysis cache on", async () => {
    expect(process.env.GROUNDED_ANALYSIS_CACHE).not.toBe("off");
    const role = ok(await by(w.olivia).createAttributeAction({ projectId: w.project.id, name: "Role", type: "category", categories: ["Nurse", "Doctor"] }));
    const kase = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Crosstabbed" }));
    ok(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: w.doc1.id, caseId: kase.id }));
    await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost");
    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: kase.id, attributeId: role.id, value: "Nurse" }));
    const cell = async (category: string) => (await getCrosstab(w.project.id, { kind: "any" }, role.id)).rows.find((r) => r.codeId === w.cost.id)!.cells.find((c) => c.category === category)!.cases;
    expect([await cell("Nurse"), await cell("Doctor")]).toEqual([1, 0]);
    // Read twice unchanged: the second is a cache hit, so the cache is really in play.
    const hits = snapshotCacheCounts().hits;
    await cell("Nurse");
    expect(snapshotCacheCounts().hits).toBeGreaterThan(hits);

    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: kase.id, attributeId: role.id, value: "Doctor" }));
    expect([await cell("Nurse"), await cell("Doctor")]).toEqual([0, 1]);
    expect(await casesMatching(w.project.id, [{ attributeId: role.id, op: "eq", value: "Doctor" }])).toEqual([kase.id]);

    // Retyped and deleted: the breakdown follows at once too.
    ok(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: w.doc1.id, caseId: null }));
    expect(await cell("Doctor")).toBe(0);
    ok(await by(w.olivia).retypeAttributeAction({ projectId: w.project.id, attributeId: role.id, type: "text" }));
    expect(await getCrosstab(w.project.id, { kind: "any" }, role.id).catch((e: Error) => e.message)).toMatch(/is not a category/);
  });
});
