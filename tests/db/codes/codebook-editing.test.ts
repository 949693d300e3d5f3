import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { getCodeCodings } from "../../../lib/codes/data";
import { getCodebookHistory } from "../../../lib/codes/history";
import { createCode, deleteCode, restoreCode, shiftCode, updateCode } from "../../../lib/codes/mutations";
import { CODE_PALETTE } from "../../../lib/codes/palette";
import { codeHistorySchema, createCodeSchema, deleteCodeSchema, shiftCodeSchema, splitCodeSchema, updateCodeSchema } from "../../../lib/codes/schema";
import { splitCode } from "../../../lib/codes/split";
import { codeHistoryAction } from "../../../lib/codes/actions";
import { as, code, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const create = async (w: TeamWorld, name: string, parentId: string | null = null, extra: Record<string, unknown> = {}) => {
  const r = await runProjectAction(as(w.olivia), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name, parentId, ...extra });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};
const update = (w: TeamWorld, codeId: string, changes: Record<string, unknown>, who: User = w.olivia) =>
  runProjectAction(as(who), updateCodeSchema, "owner", updateCode, { projectId: w.project.id, codeId, ...changes });
const shift = (w: TeamWorld, codeId: string, direction: string) => runProjectAction(as(w.olivia), shiftCodeSchema, "owner", shiftCode, { projectId: w.project.id, codeId, direction });
const split = (w: TeamWorld, input: Record<string, unknown>, who: User = w.olivia) => runProjectAction(as(who), splitCodeSchema, "owner", splitCode, { projectId: w.project.id, ...input });
const children = async (parentId: string | null, projectId: string) =>
  (await prisma.code.findMany({ where: { projectId, parentId, deletedAt: null }, orderBy: { position: "asc" } })).map((c) => c.name);

describe("editing the codebook", () => {
  it("creates a code with every field and audits each later edit with the field as it was", async () => {
    const w = await teamWorld(prisma);
    const full = { colour: "#117733", description: "Money", inclusion: "Prices", exclusion: "Value", example: "It was cheap", shortcut: "q" };
    const c = await create(w, "Spend", null, full);
    expect(c).toMatchObject({ name: "Spend", ...full });
    const edits: Record<string, string>[] = [{ name: "Spending" }, { colour: "#882255" }, { description: "Money paid" }, { inclusion: "Bills" }, { exclusion: "Worth" }, { example: "Too dear" }, { shortcut: "w" }];
    for (const edit of edits) expect(await update(w, c.id, edit)).toMatchObject({ ok: true, data: edit });
    const events = await prisma.auditEvent.findMany({ where: { entity: "Code", entityId: c.id, action: "code.update" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(edits.length);
    for (const [i, edit] of edits.entries()) {
      const [key, value] = Object.entries(edit)[0];
      expect((events[i].after as Record<string, unknown>)[key]).toBe(value);
      expect((events[i].before as Record<string, unknown>)[key]).not.toBe(value);
    }
    expect(await update(w, c.id, { description: "x" }, w.ana)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("refuses a duplicate sibling name naming its parent, or the top level; a cousin may share it", async () => {
    const w = await teamWorld(prisma);
    const why = await create(w, "Why AWS");
    await create(w, "Price", why.id);
    const dup = await runProjectAction(as(w.olivia), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "  price ", parentId: why.id });
    expect(dup).toMatchObject({ ok: false, error: { code: "CONFLICT", message: 'There is already a code called "price" under "Why AWS". Choose another name, or merge into the existing code.' } });
    const top = await runProjectAction(as(w.olivia), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "COST" });
    expect(top).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining('"COST" at the top level') } });
    expect(await create(w, "Price")).toMatchObject({ name: "Price" });
    const rename = await update(w, why.id, { name: "cost" });
    expect(rename).toMatchObject({ ok: false, error: { message: expect.stringContaining("at the top level") } });
    // Changing only the case of its own name is not a clash.
    expect(await update(w, why.id, { name: "WHY aws" })).toMatchObject({ ok: true });
  });

  it("two people adding the same name at once: one succeeds, the other hears the clear message (the index's P2002)", async () => {
    const w = await teamWorld(prisma);
    const both = await Promise.all(
      [w.olivia, w.ana].map((u) => runProjectAction(as(u), createCodeSchema, "analyst", createCode, { projectId: w.project.id, name: "Trust" })),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining('already a code called "Trust" at the top level') } });
    expect(await prisma.code.count({ where: { projectId: w.project.id, name: "Trust", deletedAt: null } })).toBe(1);
  });

  it("gives a new code a colour no sibling has and none of the most-used codes has", async () => {
    const w = await teamWorld(prisma);
    // The two team-world codes get the palette's first colours and many codings.
    await prisma.code.update({ where: { id: w.cost.id }, data: { colour: CODE_PALETTE[0] } });
    await prisma.code.update({ where: { id: w.community.id }, data: { colour: CODE_PALETTE[1] } });
    await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "cost");
    const parent = await create(w, "Parent", null, { colour: CODE_PALETTE[2] });
    const a = await create(w, "A", parent.id, { colour: CODE_PALETTE[3] });
    const b = await create(w, "B", parent.id);
    expect([CODE_PALETTE[0], a.colour]).not.toContain(b.colour);
    const c = await create(w, "C", parent.id);
    expect([CODE_PALETTE[0], a.colour, b.colour]).not.toContain(c.colour);
  });

  it("moves by keyboard: up, down, indent under the previous sibling, outdent after the parent; refusals at the edges", async () => {
    const w = await teamWorld(prisma);
    await prisma.code.deleteMany({ where: { projectId: w.project.id } });
    const a = await create(w, "A");
    const b = await create(w, "B");
    const c = await create(w, "C");
    expect(await shift(w, a.id, "up")).toMatchObject({ ok: false, error: { code: "VALIDATION", message: '"A" is already first among its siblings.' } });
    expect(await shift(w, c.id, "up")).toMatchObject({ ok: true });
    expect(await children(null, w.project.id)).toEqual(["A", "C", "B"]);
    expect(await shift(w, a.id, "down")).toMatchObject({ ok: true });
    expect(await children(null, w.project.id)).toEqual(["C", "A", "B"]);
    expect(await shift(w, b.id, "down")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await shift(w, c.id, "indent")).toMatchObject({ ok: false, error: { message: expect.stringContaining("no code before it") } });
    expect(await shift(w, b.id, "indent")).toMatchObject({ ok: true, data: { parentId: a.id } });
    expect(await shift(w, c.id, "down")).toMatchObject({ ok: true });
    expect(await children(null, w.project.id)).toEqual(["A", "C"]);
    // Indent makes it the last sub-code of the code before it.
    expect(await shift(w, c.id, "indent")).toMatchObject({ ok: true, data: { parentId: a.id } });
    expect(await children(null, w.project.id)).toEqual(["A"]);
    expect(await children(a.id, w.project.id)).toEqual(["B", "C"]);
  });

  it("outdents a sub-code to just after its parent, and refuses a top-level code or a name clash there", async () => {
    const w = await teamWorld(prisma);
    await prisma.code.deleteMany({ where: { projectId: w.project.id } });
    const p = await create(w, "P");
    await create(w, "Q");
    const x = await create(w, "X", p.id);
    const dupe = await create(w, "Q", p.id);
    expect(await shift(w, p.id, "outdent")).toMatchObject({ ok: false, error: { message: '"P" is already at the top level.' } });
    expect(await shift(w, x.id, "outdent")).toMatchObject({ ok: true, data: { parentId: null } });
    expect(await children(null, w.project.id)).toEqual(["P", "X", "Q"]);
    expect(await shift(w, dupe.id, "outdent")).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining('"Q" at the top level') } });
    const moves = await prisma.auditEvent.count({ where: { entityId: x.id, action: "code.move" } });
    expect(moves).toBe(1);
  });

  it("splits exactly the chosen codings to a new sibling code, audited with their ids", async () => {
    const w = await teamWorld(prisma);
    const k1 = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "cost");
    const k2 = await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "cloud");
    const k3 = await code(prisma, w, w.ana, w.doc2.id, w.cost.id, "main thing");
    const r = await split(w, { codeId: w.cost.id, codingIds: [k1.id, k3.id], name: "Cloud cost" });
    expect(r).toMatchObject({ ok: true, data: { code: { name: "Cloud cost", parentId: null }, movedCodings: 2 } });
    const fresh = r.ok ? r.data.code.id : "";
    const placed = await prisma.coding.findMany({ where: { id: { in: [k1.id, k2.id, k3.id] } } });
    expect(Object.fromEntries(placed.map((c) => [c.id, c.codeId]))).toEqual({ [k1.id]: fresh, [k2.id]: w.cost.id, [k3.id]: fresh });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "code.split", entityId: w.cost.id } });
    expect(audit.after).toMatchObject({ newCodeId: fresh, movedCodingIds: [k1.id, k3.id].sort() });
    // Placed right after the original.
    const order = await children(null, w.project.id);
    expect(order.indexOf("Cloud cost")).toBe(order.indexOf("Cost") + 1);
  });

  it("refuses a split naming a coding of another code or project, a duplicate name, or an analyst; nothing moves", async () => {
    const w = await teamWorld(prisma);
    const mine = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "cost");
    const other = await code(prisma, w, w.ana, w.doc1.id, w.community.id, "community");
    const foreign = await prisma.coding.create({ data: { projectId: w.other.id, documentId: w.foreignDocument.id, codeId: w.foreignCode.id, coderId: w.otto.id, start: 0, end: 3, quote: "Ana" } });
    for (const codingIds of [[mine.id, other.id], [mine.id, foreign.id]]) {
      expect(await split(w, { codeId: w.cost.id, codingIds, name: "New" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
    expect(await split(w, { codeId: w.cost.id, codingIds: [mine.id], name: "community" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await split(w, { codeId: w.cost.id, codingIds: [mine.id], name: "New" }, w.ana)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await split(w, { codeId: w.foreignCode.id, codingIds: [foreign.id], name: "New" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await prisma.coding.findUniqueOrThrow({ where: { id: mine.id } })).codeId).toBe(w.cost.id);
    expect(await prisma.code.count({ where: { name: "New" } })).toBe(0);
  });

  it("lists a code's codings for a split under blind coding: an analyst would see only their own", async () => {
    const w = await teamWorld(prisma);
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "cost");
    await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "cloud");
    expect((await getCodeCodings(w.project.id, w.cost.id, { id: w.olivia.id, role: "owner" }))?.total).toBe(2);
    const ana = await getCodeCodings(w.project.id, w.cost.id, { id: w.ana.id, role: "analyst" });
    expect(ana?.codings.map((c) => c.coderName)).toEqual(["Ana"]);
    expect(await getCodeCodings(w.project.id, w.foreignCode.id, { id: w.olivia.id, role: "owner" })).toBeNull();
  });

  it("tells the history: created, renamed, definitions before and after, moved, deleted, restored; per code and paged", async () => {
    const w = await teamWorld(prisma);
    const c = await create(w, "Spend", null, { description: "Money" });
    await update(w, c.id, { name: "Spending", description: "Money paid out" });
    await shift(w, c.id, "up");
    await runProjectAction(as(w.olivia), deleteCodeSchema, "owner", deleteCode, { projectId: w.project.id, codeId: c.id });
    await runProjectAction(as(w.olivia), deleteCodeSchema, "owner", restoreCode, { projectId: w.project.id, codeId: c.id });
    const { entries, total } = await getCodebookHistory(w.project.id, { codeId: c.id });
    expect(total).toBe(5);
    expect(entries.map((e) => e.verb)).toEqual(["restored", "deleted", "moved", "renamed, edited the definition of", "created"]);
    expect(entries[3]).toMatchObject({ actor: "Olivia", codeName: "Spend", changes: [{ field: "Name", before: "Spend", after: "Spending" }, { field: "Definition", before: "Money", after: "Money paid out" }] });
    expect(entries[4].changes).toEqual([{ field: "Colour", before: "", after: c.colour }, { field: "Definition", before: "", after: "Money" }]);
    for (let i = 0; i < 55; i++) await update(w, w.cost.id, { description: `v${i}` });
    const first = await getCodebookHistory(w.project.id);
    expect(first).toMatchObject({ page: 1, pages: 2 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0].changes[0]).toMatchObject({ field: "Definition", before: "v53", after: "v54" });
    // Through the action, any member may read it; another project's owner may not.
    expect(await runProjectAction(as(w.vic), codeHistorySchema, "viewer", async (ctx, i) => getCodebookHistory(ctx.projectId, i), { projectId: w.project.id, page: 2 })).toMatchObject({ ok: true });
    expect(await runProjectAction(as(w.otto), codeHistorySchema, "viewer", async (ctx, i) => getCodebookHistory(ctx.projectId, i), { projectId: w.project.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    void codeHistoryAction;
  });
});
