import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { createCode, deleteCode, mergeCodes, moveCode, restoreCode, updateCode } from "../../../lib/codes/mutations";
import { createCodeSchema, deleteCodeSchema, mergeCodesSchema, moveCodeSchema, updateCodeSchema } from "../../../lib/codes/schema";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();
type User = { id: string; email: string; name: string };
const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });

async function world() {
  const owner = await makeUser(prisma);
  const analyst = await makeUser(prisma);
  const viewer = await makeUser(prisma);
  const project = await makeProject(prisma, [
    { userId: owner.id, role: "owner" },
    { userId: analyst.id, role: "analyst" },
    { userId: viewer.id, role: "viewer" },
  ]);
  const create = async (name: string, parentId: string | null = null, shortcut?: string) => {
    const r = await runProjectAction(as(owner), createCodeSchema, "analyst", createCode, { projectId: project.id, name, parentId, shortcut });
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  return { owner, analyst, viewer, project, create };
}

const codeOf = (id: string) => prisma.code.findUniqueOrThrow({ where: { id } });

describe("the codebook", () => {
  it("lets analysts create codes (open coding) with a palette colour; viewers cannot", async () => {
    const w = await world();
    const r = await runProjectAction(as(w.analyst), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "Cost" });
    expect(r).toMatchObject({ ok: true, data: { name: "Cost", colour: expect.stringMatching(/^#[0-9a-f]{6}$/), position: 0 } });
    const v = await runProjectAction(as(w.viewer), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "X" });
    expect(v).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("refuses a duplicate name among siblings and a shortcut already in use", async () => {
    const w = await world();
    await w.create("Cost", null, "2");
    const dup = await runProjectAction(as(w.owner), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "cost" });
    expect(dup).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const key = await runProjectAction(as(w.owner), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "Other", shortcut: "2" });
    expect(key).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/already applies "Cost"/) } });
  });

  it("lets owners rename and recolour; analysts cannot", async () => {
    const w = await world();
    const code = await w.create("Cost");
    const input = { projectId: w.project.id, codeId: code.id, name: "Cost versus value", colour: "#16A34A" };
    expect(await runProjectAction(as(w.analyst), updateCodeSchema, "owner", updateCode, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await runProjectAction(as(w.owner), updateCodeSchema, "owner", updateCode, input)).toMatchObject({ ok: true, data: { name: "Cost versus value", colour: "#16a34a" } });
  });

  it("moves a code under another parent at a position, and refuses a move into its own sub-tree", async () => {
    const w = await world();
    const why = await w.create("Why AWS");
    const a = await w.create("A", why.id);
    const b = await w.create("B", why.id);
    const loose = await w.create("Loose");
    const move = (codeId: string, parentId: string | null, position: number) =>
      runProjectAction(as(w.owner), moveCodeSchema, "owner", moveCode, { projectId: w.project.id, codeId, parentId, position });
    expect(await move(loose.id, why.id, 1)).toMatchObject({ ok: true });
    const children = await prisma.code.findMany({ where: { parentId: why.id }, orderBy: { position: "asc" } });
    expect(children.map((c) => c.name)).toEqual(["A", "Loose", "B"]);
    expect(await move(why.id, a.id, 0)).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/inside itself/) } });
    expect((await codeOf(why.id)).parentId).toBeNull();
    void b;
  });

  it("merges a code into another: codings move, exact duplicates are dropped, sub-codes follow, the source is deleted", async () => {
    const w = await world();
    const price = await w.create("Price");
    const cost = await w.create("Cost");
    const sub = await w.create("Discounts", price.id);
    const doc = await makeDocument(prisma, w.project.id, "Interviewer: Why?\n\nAna: The price was right.");
    const base = { projectId: w.project.id, documentId: doc.id, coderId: w.analyst.id };
    await prisma.coding.createMany({
      data: [
        { ...base, codeId: price.id, start: 28, end: 33, quote: "price" },
        { ...base, codeId: cost.id, start: 28, end: 33, quote: "price" },
        { ...base, codeId: price.id, start: 24, end: 33, quote: "The price" },
      ],
    });
    const r = await runProjectAction(as(w.owner), mergeCodesSchema, "owner", mergeCodes, { projectId: w.project.id, sourceId: price.id, targetId: cost.id });
    expect(r).toMatchObject({ ok: true, data: { movedCodings: 1, droppedDuplicates: 1 } });
    const codings = await prisma.coding.findMany({ where: { documentId: doc.id }, orderBy: { start: "asc" } });
    expect(codings.map((c) => [c.codeId, c.quote])).toEqual([
      [cost.id, "The price"],
      [cost.id, "price"],
    ]);
    expect((await codeOf(sub.id)).parentId).toBe(cost.id);
    expect((await codeOf(price.id)).deletedAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: price.id, action: "code.merge" } });
    expect(JSON.stringify(event.after)).toContain('"quote":"price"');
  });

  it("a merge carries the source's code memos, adjudicated consensus and decisions to the target, so no view loses them", async () => {
    const w = await world();
    const price = await w.create("Price");
    const cost = await w.create("Cost");
    const doc = await makeDocument(prisma, w.project.id, "Interviewer: Why?\n\nAna: The price was right.");
    const coding = await prisma.coding.create({ data: { projectId: w.project.id, documentId: doc.id, codeId: price.id, coderId: w.analyst.id, start: 28, end: 33, quote: "price" } });
    await prisma.memo.create({ data: { projectId: w.project.id, authorId: w.owner.id, codeId: price.id, body: "What counts as price" } });
    const decision = await prisma.adjudicationDecision.create({
      data: { projectId: w.project.id, documentId: doc.id, codeId: price.id, kind: "accept_a", sourceCodingIds: [coding.id], decidedById: w.owner.id },
    });
    await prisma.consensusCoding.create({ data: { projectId: w.project.id, documentId: doc.id, codeId: price.id, decisionId: decision.id, start: 28, end: 33, quote: "price" } });
    const r = await runProjectAction(as(w.owner), mergeCodesSchema, "owner", mergeCodes, { projectId: w.project.id, sourceId: price.id, targetId: cost.id });
    expect(r).toMatchObject({ ok: true });
    expect(await prisma.memo.findMany({ where: { projectId: w.project.id }, select: { codeId: true } })).toEqual([{ codeId: cost.id }]);
    expect(await prisma.consensusCoding.findMany({ where: { decisionId: decision.id }, select: { codeId: true } })).toEqual([{ codeId: cost.id }]);
    expect((await prisma.adjudicationDecision.findUniqueOrThrow({ where: { id: decision.id } })).codeId).toBe(cost.id);
  });

  it("deletes recoverably: sub-codes move up, codings are kept and come back on restore", async () => {
    const w = await world();
    const parent = await w.create("Parent");
    const code = await w.create("Child", parent.id, "c");
    const grandchild = await w.create("Grandchild", code.id);
    const doc = await makeDocument(prisma, w.project.id, "Interviewer: Why?\n\nAna: The price was right.");
    await prisma.coding.create({ data: { projectId: w.project.id, documentId: doc.id, coderId: w.analyst.id, codeId: code.id, start: 28, end: 33, quote: "price" } });
    const input = { projectId: w.project.id, codeId: code.id };
    expect(await runProjectAction(as(w.analyst), deleteCodeSchema, "owner", deleteCode, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await runProjectAction(as(w.owner), deleteCodeSchema, "owner", deleteCode, input)).toMatchObject({ ok: true, data: { hiddenCodings: 1 } });
    expect((await codeOf(grandchild.id)).parentId).toBe(parent.id);
    expect(await prisma.coding.count({ where: { codeId: code.id } })).toBe(1);
    expect(await runProjectAction(as(w.owner), deleteCodeSchema, "owner", restoreCode, input)).toMatchObject({ ok: true, data: { deletedAt: null, shortcut: "c" } });
    expect((await codeOf(grandchild.id)).parentId).toBe(code.id);
  });
});
