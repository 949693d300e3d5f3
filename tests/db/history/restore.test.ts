import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { deleteCode } from "../../../lib/codes/mutations";
import { createCode } from "../../../lib/codes/mutations";
import { createCodeSchema, deleteCodeSchema } from "../../../lib/codes/schema";
import { applyCodes, deleteCoding } from "../../../lib/codings/mutations";
import { applyCodesSchema, deleteCodingSchema } from "../../../lib/codings/schema";
import { getCodingHistory } from "../../../lib/history/data";
import { restoreFromHistory } from "../../../lib/history/restore";
import { restoreFromHistorySchema } from "../../../lib/history/schema";
import { createMemo, deleteMemo } from "../../../lib/memos/mutations";
import { createMemoSchema, deleteMemoSchema } from "../../../lib/memos/schema";
import { as, span, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; current?: unknown } };
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};
const restore = (u: User, projectId: string, eventId: bigint | string) => runProjectAction(as(u), restoreFromHistorySchema, "analyst", restoreFromHistory, { projectId, eventId: eventId.toString() });
const apply = (w: TeamWorld, u: User, needle: string, codeId = w.cost.id, documentId = w.doc1.id) =>
  runProjectAction(as(u), applyCodesSchema, "analyst", applyCodes, { projectId: w.project.id, documentId, codeIds: [codeId], ...span(needle) }).then((r) => ok(r).codings[0]!);
const removeCoding = (w: TeamWorld, u: User, coding: { id: string; version: number }) => runProjectAction(as(u), deleteCodingSchema, "analyst", deleteCoding, { projectId: w.project.id, codingId: coding.id, version: coding.version });
const lastEvent = (projectId: string, action: string, entityId: string) =>
  prisma.auditEvent.findFirstOrThrow({ where: { projectId, action, entityId }, orderBy: { id: "desc" } });

/** A transcript correction as lib/transcripts/correction writes one: the old text archived, the new one a version up. */
async function correct(documentId: string, edit: (text: string) => string) {
  await prisma.$transaction(async (tx) => {
    const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId } });
    await tx.$executeRaw`SELECT set_config('grounded.correction', 'on', true)`;
    await tx.documentVersion.create({ data: { projectId: doc.projectId, documentId, version: doc.version, text: doc.text, turns: [] } });
    const text = edit(doc.text);
    await tx.document.update({ where: { id: documentId }, data: { text, textLength: [...text].length, version: doc.version + 1 } });
    // One edit: turns after it shift by the change in length.
    const [before, after] = [[...doc.text], [...text]];
    let at = 0;
    while (at < before.length && before[at] === after[at]) at++;
    const delta = after.length - before.length;
    for (const turn of await tx.speakerTurn.findMany({ where: { documentId } })) {
      await tx.speakerTurn.update({ where: { id: turn.id }, data: { start: turn.start > at ? turn.start + delta : turn.start, end: turn.end > at ? turn.end + delta : turn.end } });
    }
  });
}

describe("restoring from the history", () => {
  it("brings a deleted coding back as it was, with its memos, pin and star; audited; once", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const coding = await apply(w, w.ana, "cost of the cloud");
    await prisma.memo.create({ data: { projectId: p, authorId: w.ana.id, codingId: coding.id, body: "Money first" } });
    const finding = await prisma.finding.create({ data: { projectId: p, statement: "Cost matters", createdById: w.olivia.id } });
    await prisma.findingEvidence.create({ data: { findingId: finding.id, codingId: coding.id, position: 0 } });
    await prisma.representativeQuote.create({ data: { codingId: coding.id, projectId: p, starredById: w.olivia.id } });
    ok(await removeCoding(w, w.ana, coding));
    expect(await prisma.memo.count({ where: { codingId: coding.id } })).toBe(0);
    const deletion = await lastEvent(p, "coding.delete", coding.id);

    const result = ok(await restore(w.ana, p, deletion.id));
    expect(result).toMatchObject({ kind: "coding", id: coding.id, documentId: w.doc1.id, restoredMemos: 1 });
    const back = await prisma.coding.findUniqueOrThrow({ where: { id: coding.id }, include: { memos: true, evidence: true, star: true } });
    expect(back).toMatchObject({ codeId: w.cost.id, coderId: w.ana.id, quote: "cost of the cloud", ...span("cost of the cloud") });
    expect(back.memos.map((m) => m.body)).toEqual(["Money first"]);
    expect(back.evidence.map((e) => e.findingId)).toEqual([finding.id]);
    expect(back.star?.starredById).toBe(w.olivia.id);
    const audit = await lastEvent(p, "coding.restore", coding.id);
    expect(audit).toMatchObject({ actorId: w.ana.id, entity: "Coding" });
    expect(audit.after).toMatchObject({ quote: "cost of the cloud", restoredFrom: deletion.id.toString() });

    // The same deletion again: no longer the coding's latest event.
    expect(await restore(w.ana, p, deletion.id)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const history = await getCodingHistory(p, { id: w.ana.id, role: "analyst" }, coding.id);
    expect(history.filter((h) => h.kind === "codings").map((h) => h.action)).toEqual(["coding.create", "coding.delete", "coding.restore"]);
  });

  it("a deleted coding's history keeps another analyst's memo on it from a blind reader, and the restore brings it back", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const coding = await apply(w, w.ana, "cost of the cloud");
    await prisma.memo.create({ data: { projectId: p, authorId: w.ben.id, codingId: coding.id, body: "BEN-ON-ANA" } });
    await prisma.memo.create({ data: { projectId: p, authorId: w.ana.id, codingId: coding.id, body: "ANA-OWN" } });
    ok(await removeCoding(w, w.ana, coding));
    await prisma.project.update({ where: { id: p }, data: { blindCoding: true } });
    const asAna = JSON.stringify(await getCodingHistory(p, { id: w.ana.id, role: "analyst" }, coding.id));
    expect(asAna).toContain("ANA-OWN");
    expect(asAna).not.toContain("BEN-ON-ANA");
    expect(JSON.stringify(await getCodingHistory(p, { id: w.olivia.id, role: "owner" }, coding.id))).toContain("BEN-ON-ANA");
    await expect(getCodingHistory(p, { id: w.vic.id, role: "viewer" }, coding.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(ok(await restore(w.ana, p, (await lastEvent(p, "coding.delete", coding.id)).id)).restoredMemos).toBe(2);
    expect((await prisma.memo.findMany({ where: { codingId: coding.id }, orderBy: { body: "asc" } })).map((m) => m.body)).toEqual(["ANA-OWN", "BEN-ON-ANA"]);
  });

  it("refuses other analysts, viewers, other projects, blind readers and events that are not deletions", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const coding = await apply(w, w.ana, "main thing");
    ok(await removeCoding(w, w.ana, coding));
    const deletion = await lastEvent(p, "coding.delete", coding.id);
    expect(await restore(w.ben, p, deletion.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await restore(w.vic, p, deletion.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await restore(w.otto, p, deletion.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Otto's own project, naming this project's event: as unknown as an id that does not exist.
    expect(await restore(w.otto, w.other.id, deletion.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await restore(w.ana, p, "99999999")).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await restore(w.ana, p, "abc")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await prisma.project.update({ where: { id: p }, data: { blindCoding: true } });
    expect(await restore(w.ben, p, deletion.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await expect(getCodingHistory(p, { id: w.ben.id, role: "analyst" }, coding.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await prisma.project.update({ where: { id: p }, data: { blindCoding: false } });
    const created = await lastEvent(p, "coding.create", coding.id);
    expect(await restore(w.ana, p, created.id)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.coding.count({ where: { id: coding.id } })).toBe(0);
    // An owner may restore anyone's.
    ok(await restore(w.olivia, p, deletion.id));
    expect(await prisma.coding.count({ where: { id: coding.id, coderId: w.ana.id } })).toBe(1);
    expect((await lastEvent(p, "coding.restore", coding.id)).actorId).toBe(w.olivia.id);
  });

  it("refuses when the text changed, the passage is coded again, or the code is deleted (restore the code first)", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const a = await apply(w, w.ana, "community", w.community.id, w.doc2.id);
    const b = await apply(w, w.ana, "the tools", w.cost.id, w.doc2.id);
    const c = await apply(w, w.ana, "main thing", w.cost.id);
    for (const coding of [a, b, c]) ok(await removeCoding(w, w.ana, coding));

    // The second document's text corrected under a's and b's passages.
    await correct(w.doc2.id, (text) => text.replace("community", "comunity!"));
    const textChanged = await restore(w.ana, p, (await lastEvent(p, "coding.delete", a.id)).id);
    expect(textChanged).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // Re-anchored as live codings are: the corrected word, without the "!" typed after it.
    expect(!textChanged.ok && textChanged.error.message).toContain("A correction of the transcript since the coding was deleted changed this passage: it read “community” and now reads “comunity”");
    ok(await restore(w.ana, p, (await lastEvent(p, "coding.delete", b.id)).id));

    // Coded again meanwhile.
    await apply(w, w.ana, "main thing", w.cost.id);
    expect(await restore(w.ana, p, (await lastEvent(p, "coding.delete", c.id)).id)).toMatchObject({ ok: false, error: { message: expect.stringContaining("coded with the same code") } });

    // The code deleted: the refusal points at the code's deletion; the owner restores it, then the coding comes back.
    const d = await apply(w, w.ben, "We liked", w.community.id);
    ok(await removeCoding(w, w.ben, d));
    ok(await runProjectAction(as(w.olivia), deleteCodeSchema, "owner", deleteCode, { projectId: p, codeId: w.community.id }));
    const refused = await restore(w.ben, p, (await lastEvent(p, "coding.delete", d.id)).id);
    const codeDeletion = await lastEvent(p, "code.delete", w.community.id);
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("Restore the code first"), current: { codeId: w.community.id, codeEventId: codeDeletion.id.toString() } } });
    expect(await restore(w.ben, p, codeDeletion.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(ok(await restore(w.olivia, p, codeDeletion.id))).toMatchObject({ kind: "code", id: w.community.id });
    expect((await prisma.code.findUniqueOrThrow({ where: { id: w.community.id } })).deletedAt).toBeNull();
    expect((await lastEvent(p, "code.restore", w.community.id)).actorId).toBe(w.olivia.id);
    ok(await restore(w.ben, p, (await lastEvent(p, "coding.delete", d.id)).id));
  });

  it("after a transcript correction, a deleted coding comes back at its new offsets if the correction left its words alone", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    const kept = await apply(w, w.ana, "main thing");
    const removed = await apply(w, w.ana, "liked the community", w.community.id);
    for (const coding of [kept, removed]) ok(await removeCoding(w, w.ana, coding));
    expect((await lastEvent(p, "coding.delete", kept.id)).before).toMatchObject({ documentVersion: 1 });
    await correct(w.doc1.id, (text) => text.replace("The cost", "Really, the cost"));
    await correct(w.doc1.id, (text) => text.replace("We liked the community around", "We used"));

    ok(await restore(w.ana, p, (await lastEvent(p, "coding.delete", kept.id)).id));
    const back = await prisma.coding.findUniqueOrThrow({ where: { id: kept.id } });
    const text = (await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).text;
    expect(back).toMatchObject({ quote: "main thing", start: span("main thing", text).start, end: span("main thing", text).end });
    expect(back.start).toBe(span("main thing").start + [..."Really, t"].length - 1);
    expect((await lastEvent(p, "coding.restore", kept.id)).after).toMatchObject({ movedFrom: { ...span("main thing"), documentVersion: 1 } });

    const refused = await restore(w.ana, p, (await lastEvent(p, "coding.delete", removed.id)).id);
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("A correction of the transcript") } });
    expect(await prisma.coding.count({ where: { id: removed.id } })).toBe(0);
  });

  it("a code whose name a sibling took since is refused; memos come back to their author or an owner", async () => {
    const w = await teamWorld(prisma);
    const p = w.project.id;
    ok(await runProjectAction(as(w.olivia), deleteCodeSchema, "owner", deleteCode, { projectId: p, codeId: w.cost.id }));
    ok(await runProjectAction(as(w.olivia), createCodeSchema, "owner", createCode, { projectId: p, name: "cost" }));
    const clash = await restore(w.olivia, p, (await lastEvent(p, "code.delete", w.cost.id)).id);
    expect(clash).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining('already a code called "Cost"') } });

    const memo = ok(await runProjectAction(as(w.ana), createMemoSchema, "analyst", createMemo, { projectId: p, target: { kind: "document", id: w.doc1.id }, title: "Pauses", body: "Long pauses." }));
    ok(await runProjectAction(as(w.ana), deleteMemoSchema, "analyst", deleteMemo, { projectId: p, memoId: memo.id }));
    const deletion = await lastEvent(p, "memo.delete", memo.id);
    expect(await restore(w.ben, p, deletion.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(ok(await restore(w.ana, p, deletion.id))).toMatchObject({ kind: "memo", id: memo.id });
    expect(await prisma.memo.findUniqueOrThrow({ where: { id: memo.id } })).toMatchObject({ title: "Pauses", body: "Long pauses.", documentId: w.doc1.id, authorId: w.ana.id });
    expect((await lastEvent(p, "memo.restore", memo.id)).actorId).toBe(w.ana.id);

    // A memo on a deleted code waits for the code.
    const onCode = ok(await runProjectAction(as(w.ana), createMemoSchema, "analyst", createMemo, { projectId: p, target: { kind: "code", id: w.community.id }, body: "Belonging." }));
    ok(await runProjectAction(as(w.olivia), deleteMemoSchema, "analyst", deleteMemo, { projectId: p, memoId: onCode.id }));
    ok(await runProjectAction(as(w.olivia), deleteCodeSchema, "owner", deleteCode, { projectId: p, codeId: w.community.id }));
    expect(await restore(w.ana, p, (await lastEvent(p, "memo.delete", onCode.id)).id)).toMatchObject({ ok: false, error: { message: expect.stringContaining("Restore the code first") } });
    expect(await prisma.memo.count({ where: { id: onCode.id } })).toBe(0);
  });
});
