import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { loadDemoStudy } from "../../../lib/demo";
import { correctTurn } from "../../../lib/transcripts/correction/mutations";
import { correctTurnSchema } from "../../../lib/transcripts/correction/schema";
import { exportBackup, restoreBackup } from "../../../lib/interop/backup";
import { importQdpx } from "../../../lib/interop/refi/api";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { backupSnapshot } from "./backup-snapshot";
import { projectSnapshot } from "./snapshot";

// The server's secret signs its backups (lib/interop/backup/signature.ts).
process.env.NEXTAUTH_SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const { prisma } = await useTestDatabase();

type Person = { id: string; email: string; name: string };
let projectId: string;
let owner: Person;
let analystA: Person;
let analystB: Person;

// The demo study (with its findings and evidence), plus everything else a project can hold:
// memos on every kind of thing, a viewer, a deleted code with a coding, a shortcut, blind
// flags, assignments (one done), adjudication decisions (one undone, one naming a coding
// deleted since) with their consensus, and representative quotes.
beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  const person = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  owner = await person("owner@demo.grounded.test");
  analystA = await person("analyst-a@demo.grounded.test");
  analystB = await person("analyst-b@demo.grounded.test");
  const [first, second] = await prisma.document.findMany({ where: { projectId }, orderBy: { position: "asc" }, take: 2 });
  const codingA = await prisma.coding.findFirstOrThrow({ where: { projectId, coderId: analystA.id, documentId: first.id }, orderBy: { start: "asc" } });
  const codingB = await prisma.coding.findFirstOrThrow({ where: { projectId, coderId: analystB.id, documentId: first.id, codeId: codingA.codeId }, orderBy: { start: "asc" } }).catch(() =>
    prisma.coding.findFirstOrThrow({ where: { projectId, coderId: analystB.id, documentId: first.id }, orderBy: { start: "asc" } }),
  );
  const subCode = await prisma.code.findFirstOrThrow({ where: { projectId, parentId: { not: null } }, orderBy: { name: "asc" } });

  await prisma.project.update({ where: { id: projectId }, data: { blindCoding: true } });
  await prisma.document.update({ where: { id: second.id }, data: { blindCoding: true } });
  await prisma.code.update({ where: { id: subCode.id }, data: { shortcut: "7" } });
  await prisma.memo.createMany({
    data: [
      { projectId, authorId: owner.id, title: "Study design", body: "Thirty-two interviews, late 2017." },
      { projectId, authorId: analystA.id, documentId: first.id, body: "A long first interview & a \"quoted\" <aside>." },
      { projectId, authorId: owner.id, codeId: subCode.id, title: "Scope", body: "Keep it narrow." },
      { projectId, authorId: analystA.id, codingId: codingA.id, title: "Why this passage", body: "It names the cost 🙂 plainly." },
    ],
  });

  const deleted = await prisma.code.create({ data: { projectId, name: "Dropped theme", colour: "#123456", deletedAt: new Date("2025-03-01T10:00:00Z") } });
  await prisma.coding.create({
    data: { projectId, documentId: first.id, codeId: deleted.id, coderId: analystA.id, start: codingA.start, end: codingA.end, quote: codingA.quote, memo: "coded before the theme was dropped", version: 3 },
  });

  const viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@demo.grounded.test" } });
  expect(await prisma.membership.count({ where: { projectId, userId: viewer.id } })).toBe(1);

  await prisma.assignment.createMany({
    data: [
      { projectId, documentId: first.id, userId: analystA.id, assignedById: owner.id, doneAt: new Date("2025-04-02T09:00:00Z") },
      { projectId, documentId: first.id, userId: analystB.id, assignedById: owner.id },
      { projectId, documentId: second.id, userId: analystA.id, assignedById: owner.id },
    ],
  });

  const gone = await prisma.coding.create({ data: { projectId, documentId: first.id, codeId: codingA.codeId, coderId: analystB.id, start: 0, end: 5, quote: sliceByCodePoints(first.text, 0, 5) } });
  const decision = await prisma.adjudicationDecision.create({
    data: { projectId, documentId: first.id, codeId: codingA.codeId, kind: "merge", sourceCodingIds: [codingA.id, codingB.id, gone.id], reason: "Both saw the cost; the merged span covers it.", decidedById: owner.id },
  });
  await prisma.coding.delete({ where: { id: gone.id } });
  const start = Math.min(codingA.start, codingB.start);
  const end = Math.max(codingA.end, codingB.end);
  await prisma.consensusCoding.create({ data: { projectId, documentId: first.id, codeId: codingA.codeId, decisionId: decision.id, start, end, quote: sliceByCodePoints(first.text, start, end) } });
  await prisma.adjudicationDecision.create({
    data: { projectId, documentId: first.id, codeId: subCode.id, kind: "reject", sourceCodingIds: [codingA.id], reason: "", decidedById: owner.id, undoneAt: new Date(), undoneById: owner.id },
  });

  await prisma.representativeQuote.createMany({
    data: [
      { projectId, codingId: codingA.id, starredById: analystA.id },
      { projectId, codingId: codingB.id, starredById: owner.id },
    ],
  });

  // What format 3 added: REFI-QDA GUIDs of imported rows, turn timestamps kept, a saved search
  // naming interviews, a case attribute, a code and an analyst by id, and auto-coding runs
  // (one undone) with the codings they made.
  const attribute = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId }, orderBy: { position: "asc" } });
  const someCase = await prisma.case.findFirstOrThrow({ where: { projectId }, orderBy: { name: "asc" } });
  await prisma.attributeDefinition.update({ where: { id: attribute.id }, data: { refiGuid: "b0000000-0000-4000-8000-000000000001" } });
  await prisma.case.update({ where: { id: someCase.id }, data: { refiGuid: "{E0000000-0000-4000-8000-000000000001}" } });
  await prisma.document.update({ where: { id: first.id }, data: { refiGuid: "d0000000-0000-4000-8000-000000000001" } });
  await prisma.code.update({ where: { id: subCode.id }, data: { refiGuid: "c0000000-0000-4000-8000-000000000001" } });
  await prisma.coding.update({ where: { id: codingA.id }, data: { refiGuid: "f0000000-0000-4000-8000-000000000001" } });
  await prisma.memo.updateMany({ where: { projectId, title: "Scope" }, data: { refiGuid: "a1000000-0000-4000-8000-000000000001" } });
  const turn = await prisma.speakerTurn.findFirst({ where: { documentId: first.id }, orderBy: { index: "asc" } });
  if (turn) await prisma.speakerTurn.update({ where: { id: turn.id }, data: { timestampMs: 63_500 } });
  const params = new URLSearchParams({ q: "cost", mode: "words", speaker: "all", documents: `${first.id},${second.id}`, case: `${attribute.id}:academia`, coded: "yes", code: subCode.id, analyst: analystA.id });
  await prisma.savedSearch.create({ data: { projectId, name: "Cost, coded by Ana", query: { params: params.toString() }, createdById: analystA.id } });
  const run = await prisma.codingBatch.create({
    data: { projectId, actorId: analystA.id, codeId: subCode.id, kind: "search", source: { kind: "search", summary: "“cost”", params: params.toString(), documentIds: [second.id], newCodings: 1 } },
  });
  await prisma.coding.create({ data: { projectId, documentId: second.id, codeId: subCode.id, coderId: analystA.id, start: 0, end: 5, quote: sliceByCodePoints(second.text, 0, 5), batchId: run.id } });
  await prisma.codingBatch.create({ data: { projectId, actorId: owner.id, codeId: subCode.id, kind: "speaker", source: { kind: "speaker", summary: "every turn of Ana", documentIds: [first.id] }, undoneAt: new Date("2025-05-01T08:00:00Z") } });
});

describe("backup and restore of the demo study", () => {
  it("restores everything as a new project the restorer owns, with the team matched by e-mail", async () => {
    const before = await backupSnapshot(prisma, projectId);
    expect(before.findings.length).toBeGreaterThan(0);
    expect(before.findings.some((f) => f.evidence.length > 0)).toBe(true);
    expect(before.findings.every((f) => typeof f.figure === "object" && f.figure !== null)).toBe(true);
    expect(before.decisions.some((d) => d.sourceCodings.includes("(no such coding)"))).toBe(true);
    expect([before.memberships.length, before.assignments.length, before.decisions.length, before.consensus.length, before.stars.length]).toEqual([4, 3, 2, 1, 2]);
    expect(before.allCodes.filter((c) => c.deletedAt !== null).map((c) => c.path)).toEqual(["Dropped theme"]);
    expect(before.allCodings.filter((c) => c.coding.includes("Dropped theme"))).toHaveLength(1);
    expect(before.refiGuids.filter(([, , guid]) => guid !== null)).toHaveLength(6);
    expect(before.turnTimes.flat()).toContain(63_500);
    expect(before.savedSearches).toHaveLength(1);
    expect(before.savedSearches[0].query).toMatchObject({ code: expect.stringContaining(" / "), analyst: "analyst-a@demo.grounded.test" });
    expect(before.autocodeRuns.map((r) => [r.kind, r.codings.length])).toEqual([["search", 1], ["speaker", 0]]);

    const bytes = await exportBackup(projectId);
    const summary = await restoreBackup(owner, bytes, "demo backup.zip");
    expect(summary.projectId).not.toBe(projectId);
    expect(summary.signed).toBe(true);
    expect(summary.warnings).toEqual([]);

    const after = await backupSnapshot(prisma, summary.projectId);
    expect(after.documents).toEqual(before.documents);
    expect(after.allCodes).toEqual(before.allCodes);
    expect(after.allCodings).toEqual(before.allCodings);
    expect(after.memos).toEqual(before.memos);
    expect(after.memberships).toEqual(before.memberships);
    expect(after.findings).toEqual(before.findings);
    expect(after.assignments).toEqual(before.assignments);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.consensus).toEqual(before.consensus);
    expect(after.stars).toEqual(before.stars);
    expect(after.refiGuids).toEqual(before.refiGuids);
    expect(after.turnTimes).toEqual(before.turnTimes);
    expect(after.savedSearches).toEqual(before.savedSearches);
    expect(after.autocodeRuns).toEqual(before.autocodeRuns);
    expect(after).toEqual(before);
    // Turn times (REFI-QDA cannot carry them; the backup must): the demo's timed interviews keep theirs.
    const times = async (id: string) =>
      (await prisma.speakerTurn.findMany({ where: { document: { projectId: id } }, orderBy: [{ document: { position: "asc" } }, { index: "asc" }], select: { timestampMs: true } })).map((t) => t.timestampMs);
    const timesBefore = await times(projectId);
    expect(timesBefore.filter((t) => t !== null).length).toBeGreaterThan(0);
    expect(await times(summary.projectId)).toEqual(timesBefore);

    expect(summary.counts).toMatchObject({ documents: 32, members: 4, decisions: 2, consensus: 1, representativeQuotes: 2, assignments: 3, savedSearches: 1, autocodeRuns: 2 });
    expect(summary.users.map((u) => [u.email, u.kind, u.role]).sort()).toEqual([
      ["analyst-a@demo.grounded.test", "account", "analyst"],
      ["analyst-b@demo.grounded.test", "account", "analyst"],
      ["owner@demo.grounded.test", "you", "owner"],
      ["viewer@demo.grounded.test", "account", "viewer"],
    ]);
    expect(await prisma.auditEvent.count({ where: { projectId: summary.projectId, action: "project.restore_backup" } })).toBe(1);
  });

  it("carries the project's history: every event with its actor, time and snapshots, naming the restored rows", async () => {
    const coding = await prisma.coding.findFirstOrThrow({ where: { projectId, coderId: analystB.id }, orderBy: { id: "asc" } });
    await prisma.auditEvent.createMany({
      data: [
        { projectId, actorId: analystB.id, action: "coding.update", entity: "Coding", entityId: coding.id, before: { memo: "" }, after: { memo: "checked", codeId: coding.codeId }, createdAt: new Date("2025-06-01T10:00:00Z") },
        { projectId, actorId: null, action: "project.update", entity: "Project", entityId: projectId, after: { name: "renamed" }, createdAt: new Date("2025-06-02T10:00:00Z") },
        { projectId, actorId: analystA.id, action: "coding.delete", entity: "Coding", entityId: "gone-before-the-backup", before: { quote: "old words" }, createdAt: new Date("2025-06-03T10:00:00Z") },
      ],
    });
    const history = async (id: string) =>
      (await prisma.auditEvent.findMany({ where: { projectId: id, action: { not: "project.restore_backup" } }, orderBy: { id: "asc" }, select: { action: true, entity: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { email: true } } } })).filter(
        (e) => e.action !== "user.create_placeholder",
      );
    const before = await history(projectId);
    expect(before.length).toBeGreaterThanOrEqual(3);

    const summary = await restoreBackup(owner, await exportBackup(projectId), "with history.zip");
    expect(summary.counts.auditEvents).toBe(before.length);
    const after = await history(summary.projectId);
    const restoredCoding = await prisma.coding.findFirstOrThrow({ where: { projectId: summary.projectId, documentId: { not: coding.documentId }, start: coding.start, end: coding.end, quote: coding.quote, coder: { email: analystB.email } } }).catch(() =>
      prisma.coding.findFirstOrThrow({ where: { projectId: summary.projectId, start: coding.start, end: coding.end, quote: coding.quote, coder: { email: analystB.email } } }),
    );
    const map = (id: string) => (id === coding.id ? restoredCoding.id : id === projectId ? summary.projectId : id);
    expect(after.map((e) => ({ ...e, entityId: e.entityId }))).toEqual(before.map((e) => ({ ...e, entityId: map(e.entityId) })));
    expect(after.find((e) => e.action === "coding.delete")?.entityId).toBe("gone-before-the-backup");
  });

  it("carries corrected transcripts: the version, the earlier text and turns, and the codings a correction set aside, re-addressed to the restored rows", async () => {
    // A coding in the middle of a longer turn, so deleting its words leaves the turn and takes the coding's text away entirely.
    const candidates = await prisma.coding.findMany({ where: { projectId, coderId: analystB.id }, orderBy: { id: "asc" }, include: { document: { include: { turns: true } } } });
    const inside = candidates.flatMap((c) => {
      const t = c.document.turns.find((turn) => turn.start + 10 < c.start && c.end + 10 < turn.end);
      const text = t ? sliceByCodePoints(c.document.text, t.start, t.end) : "";
      return t && text.split(c.quote).length === 2 ? [{ coding: c, turn: t, turnText: text }] : [];
    });
    const { coding, turn, turnText } = inside[0];
    const without = turnText.replace(coding.quote, " ").replace(/\s+/g, " ").trim();
    const corrected = await runProjectAction(owner, correctTurnSchema, "analyst", correctTurn, {
      projectId,
      documentId: coding.documentId,
      version: coding.document.version,
      turnIndex: turn.index,
      text: without,
      speaker: turn.speaker,
      reason: "misheard",
    });
    if (!corrected.ok) throw new Error(corrected.error.message);
    const flags = await prisma.codingCorrection.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    expect(flags.map((f) => [f.codingId === coding.id, f.status, f.oldQuote])).toContainEqual([true, "detached", coding.quote]);

    const summary = await restoreBackup(owner, await exportBackup(projectId), "corrected.zip");
    const title = coding.document.title;
    const restoredDocument = await prisma.document.findFirstOrThrow({ where: { projectId: summary.projectId, title }, include: { versions: true } });
    const sourceDocument = await prisma.document.findUniqueOrThrow({ where: { id: coding.documentId }, include: { versions: true } });
    expect(restoredDocument.version).toBe(sourceDocument.version);
    expect(restoredDocument.text).toBe(sourceDocument.text);
    expect(restoredDocument.versions.map((v) => [v.version, v.text, v.reason])).toEqual(sourceDocument.versions.map((v) => [v.version, v.text, v.reason]));
    const restoredFlags = await prisma.codingCorrection.findMany({ where: { projectId: summary.projectId }, orderBy: { createdAt: "asc" } });
    expect(restoredFlags.map((f) => [f.status, f.oldQuote, f.documentVersion])).toEqual(flags.map((f) => [f.status, f.oldQuote, f.documentVersion]));
    const detached = restoredFlags.find((f) => f.status === "detached" && f.oldQuote === coding.quote)!;
    const snapshot = detached.snapshot as { coding: { id: string; projectId: string; documentId: string; coderId: string } };
    expect(snapshot.coding).toMatchObject({ id: detached.codingId, projectId: summary.projectId, documentId: restoredDocument.id });
    expect(detached.codingId).not.toBe(coding.id);
    expect(await prisma.membership.count({ where: { projectId: summary.projectId, userId: snapshot.coding.coderId } })).toBe(1);
  });

  it("writes an archive that is also a REFI-QDA project other tools (and our importer) can open", async () => {
    const files = unzipSync(await exportBackup(projectId));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    expect(manifest).toMatchObject({ format: "grounded-backup", version: 4, counts: { documents: 32 } });
    expect(manifest.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.entries).sort()).toEqual(Object.keys(files).filter((name) => name !== "manifest.json").sort());
    const copy = await importQdpx({ user: owner }, await exportBackup(projectId), "backup.zip");
    const refi = await projectSnapshot(prisma, copy.projectId);
    const original = await projectSnapshot(prisma, projectId);
    expect(refi.documents).toEqual(original.documents);
    expect(refi.codings).toEqual(original.codings);
  });

  it("restored by another member of the team: they own the copy, and the owner stays an owner", async () => {
    const summary = await restoreBackup(analystB, await exportBackup(projectId), "demo backup.zip");
    const roles = await prisma.membership.findMany({ where: { projectId: summary.projectId }, include: { user: true } });
    expect(Object.fromEntries(roles.map((m) => [m.user.email, m.role]))).toEqual({
      "owner@demo.grounded.test": "owner",
      "analyst-a@demo.grounded.test": "analyst",
      "analyst-b@demo.grounded.test": "owner",
      "viewer@demo.grounded.test": "viewer",
    });
  });

  it("an archive this server did not sign restores the others as placeholders, never as the real accounts", async () => {
    const stranger = await makeUser(prisma, { name: "Sam Stranger" });
    const before = await backupSnapshot(prisma, projectId, "name");
    const unsigned = await exportBackup(projectId, { key: null });
    const summary = await restoreBackup(stranger, unsigned, "found on a USB stick.zip");
    expect(summary.signed).toBe(false);
    expect(summary.warnings[0]).toMatch(/not made by this server, or was changed since/);
    expect(summary.users.every((u) => u.kind === "placeholder")).toBe(true);

    const after = await backupSnapshot(prisma, summary.projectId, "name");
    expect(after.allCodings).toEqual(before.allCodings);
    expect(after.findings).toEqual(before.findings);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.stars).toEqual(before.stars);
    expect(after.savedSearches).toEqual(before.savedSearches);
    expect(after.autocodeRuns).toEqual(before.autocodeRuns);
    const members = await prisma.membership.findMany({ where: { projectId: summary.projectId }, include: { user: true } });
    expect(members.find((m) => m.userId === stranger.id)?.role).toBe("owner");
    // Olivia owned the original; as a placeholder she becomes an analyst who cannot sign in.
    const placeholders = members.filter((m) => m.userId !== stranger.id);
    expect(placeholders.map((m) => [m.user.name, m.role]).sort()).toEqual([
      ["Ana Analyst (A)", "analyst"],
      ["Ben Analyst (B)", "analyst"],
      ["Olivia Owner", "analyst"],
      ["Vic Viewer", "viewer"],
    ]);
    expect(placeholders.every((m) => m.user.disabled && m.user.email.endsWith(".placeholder.grounded.invalid"))).toBe(true);
    expect(await prisma.membership.count({ where: { projectId: summary.projectId, user: { email: { endsWith: "@demo.grounded.test" } } } })).toBe(0);
  });
});
