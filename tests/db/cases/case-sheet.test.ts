import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import * as actions from "../../../lib/cases/actions";
import { getCaseSheet } from "../../../lib/cases/data";
import { makeDocument } from "../helpers/factories";
import { as, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

// The real actions (schema, role, mutation) with only the session replaced.
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

describe("cases", () => {
  it("an owner adds and renames a case, audited; names are unique ignoring capitals and spaces", async () => {
    const created = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "  Ana Lima " }));
    expect(created.name).toBe("Ana Lima");
    const clash = await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "ana lima" });
    expect(clash).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "A case named “Ana Lima” already exists in this project; case names must differ by more than capitals.", fieldErrors: { name: [expect.stringContaining("Ana Lima")] } } });
    const other = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Ben" }));
    expect(await by(w.olivia).renameCaseAction({ projectId: w.project.id, caseId: other.id, name: "ANA LIMA" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // A case may change only its capitals.
    expect(ok(await by(w.olivia).renameCaseAction({ projectId: w.project.id, caseId: created.id, name: "ana lima" })).name).toBe("ana lima");
    const audit = await prisma.auditEvent.findMany({ where: { projectId: w.project.id, entityId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ["case.create", w.olivia.id, null, { id: created.id, name: "Ana Lima" }],
      ["case.rename", w.olivia.id, { id: created.id, name: "Ana Lima" }, { id: created.id, name: "ana lima" }],
    ]);
    expect(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "   " })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { name: ["Give the case a name."] } } });
  });

  it("two owners adding the same name at once: one case is made, the other is told", async () => {
    const results = await Promise.all(["Twin", "twin"].map(async (name) => {
      session.user = as(w.olivia);
      return actions.createCaseAction({ projectId: w.project.id, name });
    }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: "CONFLICT" } });
    expect(await prisma.case.count({ where: { projectId: w.project.id, name: { equals: "twin", mode: "insensitive" } } })).toBe(1);
  });

  it("deleting a case leaves its documents with no case and removes its values and memos, with counts and an audit row", async () => {
    const kase = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Doomed" }));
    const doc = await makeDocument(prisma, w.project.id);
    ok(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: doc.id, caseId: kase.id }));
    const role = await prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: `Role ${kase.id}`, type: "text" } });
    ok(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: kase.id, attributeId: role.id, value: "nurse" }));
    await prisma.memo.create({ data: { projectId: w.project.id, authorId: w.olivia.id, caseId: kase.id, body: "About Doomed" } });
    expect(ok(await by(w.olivia).deleteCaseAction({ projectId: w.project.id, caseId: kase.id }))).toEqual({ name: "Doomed", documents: 1, values: 1, memos: 1 });
    expect(await prisma.document.findUniqueOrThrow({ where: { id: doc.id }, select: { caseId: true } })).toEqual({ caseId: null });
    expect(await prisma.attributeValue.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await prisma.memo.count({ where: { caseId: kase.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.delete", entityId: kase.id } });
    expect(audit.before).toMatchObject({ name: "Doomed", documents: [{ id: doc.id }], values: [{ attribute: role.name, value: "nurse" }], memos: 1 });
  });
});

describe("values", () => {
  it("a cell takes a value of its attribute's type only; blank or null clears it; each change audited", async () => {
    const kase = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Values case" }));
    const [years, sector, remote, note] = await Promise.all([
      prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: "Years", type: "number" } }),
      prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: "Sector", type: "category", categories: ["Academia", "Industry"] } }),
      prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: "Remote", type: "boolean" } }),
      prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: "Note", type: "text" } }),
    ]);
    const set = (attributeId: string, value: unknown) => by(w.olivia).setValueAction({ projectId: w.project.id, caseId: kase.id, attributeId, value });
    expect(ok(await set(years.id, 12))).toMatchObject({ value: 12 });
    expect(ok(await set(sector.id, "industry"))).toMatchObject({ value: "Industry" });
    expect(ok(await set(remote.id, false))).toMatchObject({ value: false });
    expect(ok(await set(note.id, "  likes nights "))).toMatchObject({ value: "likes nights" });
    expect(await set(years.id, "twelve")).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("“Years” holds numbers") } });
    expect(await set(sector.id, "Government")).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("Academia, Industry") } });
    expect(await set(remote.id, "yes")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await set(years.id, Number.NaN)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const stored = await prisma.attributeValue.findMany({ where: { caseId: kase.id }, select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } });
    expect(new Map(stored.map((s) => [s.attributeId, s]))).toEqual(new Map([
      [years.id, { attributeId: years.id, textValue: null, numberValue: 12, booleanValue: null }],
      [sector.id, { attributeId: sector.id, textValue: "Industry", numberValue: null, booleanValue: null }],
      [remote.id, { attributeId: remote.id, textValue: null, numberValue: null, booleanValue: false }],
      [note.id, { attributeId: note.id, textValue: "likes nights", numberValue: null, booleanValue: null }],
    ]));
    ok(await set(years.id, 13));
    ok(await set(note.id, "  "));
    ok(await set(remote.id, null));
    expect(await prisma.attributeValue.count({ where: { caseId: kase.id } })).toBe(2);
    const audit = await prisma.auditEvent.findMany({ where: { action: "case.value", entityId: kase.id, after: { path: ["attribute"], equals: "Years" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [(a.before as { value: unknown }).value, (a.after as { value: unknown }).value])).toEqual([[null, 12], [12, 13]]);
    const sheet = await getCaseSheet(w.project.id, 1);
    expect(sheet.cases.find((c) => c.id === kase.id)?.values).toEqual({ [years.id]: 13, [sector.id]: "Industry" });
  });
});

describe("documents in cases", () => {
  it("several documents per case, and back to no case; audited", async () => {
    const kase = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Two interviews" }));
    for (const d of [w.doc1, w.doc2]) ok(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: d.id, caseId: kase.id }));
    let sheet = await getCaseSheet(w.project.id, 1);
    expect(sheet.cases.find((c) => c.id === kase.id)?.documents.map((d) => d.id).sort()).toEqual([w.doc1.id, w.doc2.id].sort());
    expect(ok(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: w.doc2.id, caseId: null }))).toEqual({ documentId: w.doc2.id, caseId: null, caseName: null });
    sheet = await getCaseSheet(w.project.id, 1);
    expect(sheet.documents.find((d) => d.id === w.doc2.id)).toMatchObject({ caseId: null, caseName: null });
    expect(sheet.documents.find((d) => d.id === w.doc1.id)).toMatchObject({ caseId: kase.id, caseName: "Two interviews" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "document.case", entityId: w.doc2.id }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: w.olivia.id, before: { caseId: kase.id, caseName: "Two interviews" }, after: { caseId: null, caseName: null } });
  });

  it("refuses another project's document or case as not found, changing nothing", async () => {
    const kase = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Guarded" }));
    const foreignCase = await prisma.case.create({ data: { projectId: w.other.id, name: "Foreign case" } });
    const before = await prisma.document.findMany({ where: { id: { in: [w.doc1.id, w.foreignDocument.id] } }, orderBy: { id: "asc" }, select: { id: true, caseId: true } });
    expect(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: w.foreignDocument.id, caseId: kase.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.olivia).linkDocumentAction({ projectId: w.project.id, documentId: w.doc1.id, caseId: foreignCase.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.olivia).linkDocumentAction({ projectId: w.other.id, documentId: w.foreignDocument.id, caseId: foreignCase.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.olivia).setValueAction({ projectId: w.project.id, caseId: foreignCase.id, attributeId: "nope", value: 1 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.olivia).renameCaseAction({ projectId: w.project.id, caseId: foreignCase.id, name: "Mine" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await by(w.olivia).deleteCaseAction({ projectId: w.project.id, caseId: foreignCase.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.document.findMany({ where: { id: { in: [w.doc1.id, w.foreignDocument.id] } }, orderBy: { id: "asc" }, select: { id: true, caseId: true } })).toEqual(before);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: foreignCase.id } })).toMatchObject({ name: "Foreign case" });
  });
});

describe("who may edit the case sheet", () => {
  it("analysts and viewers are refused every write (FORBIDDEN), and nothing changes", async () => {
    const kase = ok(await by(w.olivia).createCaseAction({ projectId: w.project.id, name: "Owned" }));
    const attribute = await prisma.attributeDefinition.create({ data: { projectId: w.project.id, name: "Owned attr", type: "text" } });
    const calls = (a: typeof actions) => [
      a.createCaseAction({ projectId: w.project.id, name: "Sneaky" }),
      a.renameCaseAction({ projectId: w.project.id, caseId: kase.id, name: "Sneaky" }),
      a.deleteCaseAction({ projectId: w.project.id, caseId: kase.id }),
      a.setValueAction({ projectId: w.project.id, caseId: kase.id, attributeId: attribute.id, value: "x" }),
      a.linkDocumentAction({ projectId: w.project.id, documentId: w.doc1.id, caseId: kase.id }),
      a.createAttributeAction({ projectId: w.project.id, name: "Sneaky", type: "text" }),
      a.renameAttributeAction({ projectId: w.project.id, attributeId: attribute.id, name: "Sneaky" }),
      a.previewRetypeAction({ projectId: w.project.id, attributeId: attribute.id, type: "number" }),
      a.retypeAttributeAction({ projectId: w.project.id, attributeId: attribute.id, type: "number" }),
      a.deleteAttributeAction({ projectId: w.project.id, attributeId: attribute.id }),
    ];
    const audits = await prisma.auditEvent.count({ where: { projectId: w.project.id } });
    for (const reader of [w.ana, w.vic]) {
      session.user = as(reader);
      for (const call of calls(actions)) expect(await call).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    session.user = as(w.otto);
    expect(await actions.createCaseAction({ projectId: w.project.id, name: "Sneaky" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.auditEvent.count({ where: { projectId: w.project.id } })).toBe(audits);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ name: "Owned" });
    expect(await prisma.attributeDefinition.findUniqueOrThrow({ where: { id: attribute.id } })).toMatchObject({ name: "Owned attr", type: "text" });
  });
});
