import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { listProjectMemos, memosOn } from "../../../lib/memos/data";
import { createMemo, deleteMemo, updateMemo } from "../../../lib/memos/mutations";
import { createMemoSchema, deleteMemoSchema, updateMemoSchema } from "../../../lib/memos/schema";
import { as, code, teamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const create = (u: User, input: Record<string, unknown>) => runProjectAction(as(u), createMemoSchema, "analyst", createMemo, input);
const update = (u: User, input: Record<string, unknown>) => runProjectAction(as(u), updateMemoSchema, "analyst", updateMemo, input);
const remove = (u: User, input: Record<string, unknown>) => runProjectAction(as(u), deleteMemoSchema, "analyst", deleteMemo, input);
const ok = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

describe("memos on the journal, a document, a code and a case", () => {
  it("an analyst writes one of each; each lists on its target and on the memos page, audited", async () => {
    const w = await teamWorld(prisma);
    const kase = await prisma.case.create({ data: { projectId: w.project.id, name: "P1" } });
    const p = w.project.id;
    const journal = ok(await create(w.ana, { projectId: p, target: { kind: "journal" }, title: " Day one ", body: "Started **coding**." }));
    const doc = ok(await create(w.ana, { projectId: p, target: { kind: "document", id: w.doc1.id }, body: "Long pauses here." }));
    const cost = ok(await create(w.ana, { projectId: p, target: { kind: "code", id: w.cost.id }, body: "Cost is about money and time." }));
    const onCase = ok(await create(w.ana, { projectId: p, target: { kind: "case", id: kase.id }, body: "P1 was tired." }));
    expect(journal).toMatchObject({ title: "Day one", documentId: null, codeId: null, caseId: null, codingId: null, authorId: w.ana.id });
    expect(onCase.caseId).toBe(kase.id);

    const viewer = { id: w.vic.id, role: "viewer" as const };
    expect((await memosOn(p, viewer, { kind: "journal" })).map((m) => m.id)).toEqual([journal.id]);
    expect((await memosOn(p, viewer, { kind: "document", id: w.doc1.id })).map((m) => m.id)).toEqual([doc.id]);
    expect((await memosOn(p, viewer, { kind: "code", id: w.cost.id })).map((m) => m.id)).toEqual([cost.id]);
    expect((await memosOn(p, viewer, { kind: "case", id: kase.id })).map((m) => m.id)).toEqual([onCase.id]);

    const page = await listProjectMemos(p, viewer);
    expect(page.memos.map((m) => [m.kind, m.id])).toEqual([["case", onCase.id], ["code", cost.id], ["document", doc.id], ["journal", journal.id]]);
    expect(page.memos[0]).toMatchObject({ authorName: "Ana", caseName: "P1" });
    expect(page.memos[2]).toMatchObject({ documentTitle: w.doc1.title });
    expect(page.authors).toEqual([{ id: w.ana.id, name: "Ana" }]);

    const audits = await prisma.auditEvent.findMany({ where: { projectId: p, action: "memo.create" } });
    expect(audits.map((a) => a.entityId).sort()).toEqual([journal.id, doc.id, cost.id, onCase.id].sort());
    expect(audits.find((a) => a.entityId === journal.id)?.after).toMatchObject({ title: "Day one", body: "Started **coding**." });
  });

  it("refuses viewers, another project's document, code and case, deleted codes and blank bodies", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const foreignCase = await prisma.case.create({ data: { projectId: w.other.id, name: "X" } });
    const deleted = await prisma.code.create({ data: { projectId: p, name: "Gone", deletedAt: new Date() } });
    expect(await create(w.vic, { projectId: p, target: { kind: "journal" }, body: "hi" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    for (const target of [{ kind: "document", id: w.foreignDocument.id }, { kind: "code", id: w.foreignCode.id }, { kind: "case", id: foreignCase.id }, { kind: "code", id: deleted.id }]) {
      expect(await create(w.ana, { projectId: p, target, body: "x" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    expect(await create(w.otto, { projectId: p, target: { kind: "journal" }, body: "x" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await create(w.ana, { projectId: p, target: { kind: "journal" }, body: "   " })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.memo.count({ where: { projectId: p } })).toBe(0);
  });
});

describe("editing and deleting", () => {
  it("the author edits (audited before/after); a stale edit is refused; others may not edit; owners may delete anyone's", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const memo = ok(await create(w.ana, { projectId: p, target: { kind: "journal" }, body: "First thought" }));
    const edited = ok(await update(w.ana, { projectId: p, memoId: memo.id, title: "T", body: "Second thought", updatedAt: memo.updatedAt.toISOString() }));
    expect(edited).toMatchObject({ title: "T", body: "Second thought" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: memo.id, action: "memo.update" } });
    expect(audit).toMatchObject({ actorId: w.ana.id, before: { body: "First thought" }, after: { body: "Second thought", title: "T" } });

    // The same old state again (another tab): refused, nothing changed.
    const stale = await update(w.ana, { projectId: p, memoId: memo.id, body: "Third", updatedAt: memo.updatedAt.toISOString() });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { body: "Second thought" } } });
    expect(await update(w.ben, { projectId: p, memoId: memo.id, body: "Mine", updatedAt: edited.updatedAt.toISOString() })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await update(w.olivia, { projectId: p, memoId: memo.id, body: "Mine", updatedAt: edited.updatedAt.toISOString() })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(w.ben, { projectId: p, memoId: memo.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(w.vic, { projectId: p, memoId: memo.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(w.otto, { projectId: w.other.id, memoId: memo.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await prisma.memo.findUniqueOrThrow({ where: { id: memo.id } })).body).toBe("Second thought");

    expect(ok(await remove(w.olivia, { projectId: p, memoId: memo.id }))).toEqual({ id: memo.id });
    expect(await prisma.memo.count({ where: { id: memo.id } })).toBe(0);
    const gone = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: memo.id, action: "memo.delete" } });
    expect(gone).toMatchObject({ actorId: w.olivia.id, before: { body: "Second thought", authorId: w.ana.id } });

    const own = ok(await create(w.ben, { projectId: p, target: { kind: "code", id: w.cost.id }, body: "mine" }));
    expect(ok(await remove(w.ben, { projectId: p, memoId: own.id }))).toEqual({ id: own.id });
  });
});

describe("blind coding", () => {
  it("a coding's memo goes with the coding: hidden from those who may not see it, as are hidden analysts' other memos", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const benCoding = await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost");
    await prisma.coding.update({ where: { id: benCoding.id }, data: { memo: "BEN-CODING-OWN-MEMO" } });
    const anaCoding = await code(prisma, w, w.ana, w.doc1.id, w.community.id, "community around the tools");
    await prisma.coding.update({ where: { id: anaCoding.id }, data: { memo: "ANA-CODING-OWN-MEMO" } });
    await prisma.memo.createMany({
      data: [
        { projectId: p, authorId: w.ben.id, codingId: benCoding.id, body: "BEN-NOTE-ON-CODING" },
        { projectId: p, authorId: w.ben.id, documentId: w.doc1.id, body: "BEN-DOCUMENT-MEMO" },
        { projectId: p, authorId: w.olivia.id, body: "OWNER-JOURNAL" },
        { projectId: p, authorId: w.olivia.id, codingId: benCoding.id, body: "OWNER-ON-BENS-CODING" },
      ],
    });
    const bodies = async (u: User, role: "owner" | "analyst" | "viewer") => (await listProjectMemos(p, { id: u.id, role })).memos.map((m) => m.body).sort();
    const all = ["ANA-CODING-OWN-MEMO", "BEN-CODING-OWN-MEMO", "BEN-DOCUMENT-MEMO", "BEN-NOTE-ON-CODING", "OWNER-JOURNAL", "OWNER-ON-BENS-CODING"];
    expect(await bodies(w.ana, "analyst")).toEqual(all);

    await prisma.project.update({ where: { id: p }, data: { blindCoding: true } });
    expect(await bodies(w.olivia, "owner")).toEqual(all);
    expect(await bodies(w.ana, "analyst")).toEqual(["ANA-CODING-OWN-MEMO", "OWNER-JOURNAL"]);
    expect(await bodies(w.vic, "viewer")).toEqual(["OWNER-JOURNAL"]);
    expect((await listProjectMemos(p, { id: w.ana.id, role: "analyst" })).authors.map((a) => a.name).sort()).toEqual(["Ana", "Olivia"]);
    expect(await memosOn(p, { id: w.ana.id, role: "analyst" }, { kind: "document", id: w.doc1.id })).toEqual([]);

    // Hidden memos are not there for writes either: the same NOT_FOUND as a made-up id.
    const hidden = await prisma.memo.findFirstOrThrow({ where: { body: "OWNER-ON-BENS-CODING" } });
    expect(await remove(w.ana, { projectId: p, memoId: hidden.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    // Only another document blind: Ben's codings here are seen again with their own memos, but
    // his memos, which are not tied to one document's blindness, stay hidden while any is blind.
    await prisma.project.update({ where: { id: p }, data: { blindCoding: false } });
    await prisma.document.update({ where: { id: w.doc2.id }, data: { blindCoding: true } });
    expect(await bodies(w.ana, "analyst")).toEqual(["ANA-CODING-OWN-MEMO", "BEN-CODING-OWN-MEMO", "OWNER-JOURNAL", "OWNER-ON-BENS-CODING"]);
  });
});

describe("the memos page's filters", () => {
  it("filters by kind, author and text (title or body, % and _ taken literally), 50 a page", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    await prisma.memo.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({ projectId: p, authorId: i % 2 ? w.ana.id : w.ben.id, title: i === 7 ? "Budget 100%" : `n${i}`, body: i === 9 ? "about TRUST" : "plain", createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) })),
    });
    await prisma.memo.create({ data: { projectId: p, authorId: w.ana.id, codeId: w.cost.id, body: "code memo" } });
    const viewer = { id: w.olivia.id, role: "owner" as const };
    const first = await listProjectMemos(p, viewer);
    expect(first.window).toMatchObject({ total: 54, pages: 2, page: 1 });
    expect(first.memos).toHaveLength(50);
    expect(first.memos[0]?.body).toBe("code memo");
    expect((await listProjectMemos(p, viewer, { page: 2 })).memos.map((m) => m.title)).toEqual(["n3", "n2", "n1", "n0"]);
    expect((await listProjectMemos(p, viewer, { kind: "code" })).memos.map((m) => m.body)).toEqual(["code memo"]);
    expect((await listProjectMemos(p, viewer, { authorId: w.ben.id })).window.total).toBe(27);
    expect((await listProjectMemos(p, viewer, { text: "trust" })).memos.map((m) => m.body)).toEqual(["about TRUST"]);
    expect((await listProjectMemos(p, viewer, { text: "100%" })).memos.map((m) => m.title)).toEqual(["Budget 100%"]);
    expect((await listProjectMemos(p, viewer, { text: "_" })).window.total).toBe(0);
  });
});
