import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { applyCodes } from "../../../lib/codings/mutations";
import { applyCodesSchema } from "../../../lib/codings/schema";
import { correctTurn, previewTurnCorrection, setCorrectionRole } from "../../../lib/transcripts/correction/mutations";
import { getCorrectionState } from "../../../lib/transcripts/correction/data";
import { replaceDetachedCoding, resolveCorrection } from "../../../lib/transcripts/correction/review";
import { correctionRoleSchema, correctTurnSchema, replaceCodingSchema, resolveCorrectionSchema } from "../../../lib/transcripts/correction/schema";
import { as, code, span, TEXT, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const correct = (u: User, input: unknown) => runProjectAction(as(u), correctTurnSchema, "analyst", correctTurn, input);
const preview = (u: User, input: unknown) => runProjectAction(as(u), correctTurnSchema, "analyst", previewTurnCorrection, input);
const resolve = (u: User, input: unknown) => runProjectAction(as(u), resolveCorrectionSchema, "analyst", resolveCorrection, input);
const replace = (u: User, input: unknown) => runProjectAction(as(u), replaceCodingSchema, "analyst", replaceDetachedCoding, input);
const setRole = (u: User, input: unknown) => runProjectAction(as(u), correctionRoleSchema, "owner", setCorrectionRole, input);

// Turn 0 is "The cost of the cloud was the main thing."; the correction deletes " of the cloud".
const NEW_TURN = "The cost was the main thing.";
const NEW_TEXT = TEXT.replace("The cost of the cloud was", "The cost was");
const input = (w: TeamWorld, extra: Record<string, unknown> = {}) => ({ projectId: w.project.id, documentId: w.doc1.id, version: 1, turnIndex: 0, text: NEW_TURN, speaker: "Anna", ...extra });
const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

async function codedWorld() {
  const w = await teamWorld(prisma);
  const c = {
    cost: await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "cost"),
    costOf: await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost of"),
    cloud: await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "cloud"),
    main: await code(prisma, w, w.ana, w.doc1.id, w.community.id, "the main thing"),
    community: await code(prisma, w, w.ben, w.doc1.id, w.community.id, "We liked the community"),
    // Overlaps "cloud" and "main": partly deleted.
    across: await code(prisma, w, w.ben, w.doc1.id, w.community.id, "cloud was the main"),
    otherDoc: await code(prisma, w, w.ana, w.doc2.id, w.cost.id, "cloud"),
  };
  return { w, c };
}

describe("correcting a turn", () => {
  it("keeps the old version, re-anchors every coding and turn, and accounts for each coding", async () => {
    const { w, c } = await codedWorld();
    const before = await prisma.coding.findMany({ where: { documentId: w.doc1.id } });
    const decision = await prisma.adjudicationDecision.create({ data: { projectId: w.project.id, documentId: w.doc1.id, codeId: w.cost.id, kind: "accept_a", decidedById: w.olivia.id } });
    const agreed = (needle: string) => prisma.consensusCoding.create({ data: { projectId: w.project.id, documentId: w.doc1.id, codeId: w.cost.id, decisionId: decision.id, ...span(needle), quote: needle } });
    const [agreedCloud, agreedMain] = [await agreed("cloud"), await agreed("the main thing")];

    const shown = await preview(w.ana, input(w));
    expect(shown).toMatchObject({ ok: true, data: { version: 1, counts: { kept: 4, edited: 2, detached: 2 } } });
    expect(await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).toMatchObject({ version: 1, text: TEXT });

    const result = await correct(w.ana, input(w, { reason: "misheard" }));
    expect(result).toMatchObject({ ok: true, data: { version: 2, counts: { kept: 4, edited: 2, detached: 2 }, textChanged: true } });
    expect(await prisma.consensusCoding.findUnique({ where: { id: agreedMain.id } })).toMatchObject({ ...span("the main thing", NEW_TEXT), quote: "the main thing" });
    expect(await prisma.consensusCoding.findUnique({ where: { id: agreedCloud.id } })).toBeNull();
    expect(await prisma.codingCorrection.findFirst({ where: { codingId: agreedCloud.id } })).toMatchObject({ kind: "consensus", status: "detached", snapshot: { consensus: { decisionId: decision.id } } });

    const doc = await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } });
    expect(doc).toMatchObject({ version: 2, text: NEW_TEXT, textLength: [...NEW_TEXT].length });
    expect(await prisma.documentVersion.findMany({ where: { documentId: w.doc1.id } })).toMatchObject([{ version: 1, text: TEXT, reason: "misheard", authorId: w.ana.id }]);

    // Every coding is either live with the text at its offsets, or listed as detached.
    const live = new Map((await prisma.coding.findMany({ where: { documentId: w.doc1.id } })).map((k) => [k.id, k]));
    const flags = new Map((await prisma.codingCorrection.findMany({ where: { documentId: w.doc1.id, kind: "coding" } })).map((f) => [f.codingId, f]));
    for (const old of before) {
      const now = live.get(old.id);
      const flag = flags.get(old.id);
      if (now) {
        expect(cpSlice(NEW_TEXT, now.start, now.end)).toBe(now.quote);
        if (flag) expect(flag).toMatchObject({ status: "edited", oldQuote: old.quote, oldStart: old.start, newQuote: now.quote });
        else expect(now.quote).toBe(old.quote);
      } else {
        expect(flag).toMatchObject({ status: "detached", oldQuote: old.quote, oldStart: old.start, oldEnd: old.end });
      }
    }
    expect(live.get(c.cost.id)).toMatchObject({ ...span("cost", NEW_TEXT), quote: "cost", version: 1 });
    expect(live.get(c.main.id)).toMatchObject({ ...span("the main thing", NEW_TEXT), quote: "the main thing", version: 2 });
    expect(live.get(c.community.id)).toMatchObject({ ...span("We liked the community", NEW_TEXT), quote: "We liked the community" });
    expect(live.get(c.costOf.id)?.quote).toBe("The cost ");
    expect(live.get(c.across.id)?.quote).toBe("was the main");
    expect(live.has(c.cloud.id)).toBe(false);
    expect(flags.get(c.cloud.id)?.snapshot).toMatchObject({ coding: { id: c.cloud.id, quote: "cloud" } });
    // The other document is untouched.
    expect(await prisma.coding.findUniqueOrThrow({ where: { id: c.otherDoc.id } })).toMatchObject({ quote: "cloud", start: c.otherDoc.start });

    const turns = await prisma.speakerTurn.findMany({ where: { documentId: w.doc1.id }, orderBy: { index: "asc" } });
    expect(turns.map((t) => [t.speaker, cpSlice(NEW_TEXT, t.start, t.end)])).toEqual([["Anna", NEW_TURN], ["Ben", "We liked the community around the tools."]]);

    // Search and the passage tables follow the new text.
    const [hit] = await prisma.$queryRaw<{ cloud: boolean; main: boolean }[]>`
      SELECT "searchVector" @@ to_tsquery('english', 'cloud') AS cloud, "searchVector" @@ to_tsquery('english', 'main') AS main FROM "Document" WHERE id = ${w.doc1.id}`;
    expect(hit).toEqual({ cloud: false, main: true });
    const [islands] = await prisma.$queryRaw<{ islands: string }[]>`
      SELECT islands::text FROM "CoderPassageSet" WHERE "documentId" = ${w.doc1.id} AND "codeId" = ${w.community.id} AND "coderId" = ${w.ana.id}`;
    const main = span("the main thing", NEW_TEXT);
    expect(islands.islands).toBe(`{[${2 * main.start},${2 * main.end - 1})}`);

    const [audit] = await prisma.auditEvent.findMany({ where: { projectId: w.project.id, action: "document.correct" } });
    expect(audit).toMatchObject({ actorId: w.ana.id, entityId: w.doc1.id, before: { version: 1, speaker: "Ana" }, after: { version: 2, speaker: "Anna", kept: 4, edited: 2, detached: 2 } });
    expect((audit.before as { checksum: string }).checksum).not.toBe((audit.after as { checksum: string }).checksum);
    // The detached consensus coding goes back under its adjudication, placed by an owner only.
    const agreedFlag = await prisma.codingCorrection.findFirstOrThrow({ where: { codingId: agreedCloud.id } });
    const place = { projectId: w.project.id, correctionId: agreedFlag.id, ...span("cost", NEW_TEXT) };
    expect(await replace(w.ana, place)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await replace(w.olivia, place)).toMatchObject({ ok: true, data: { codingId: agreedCloud.id, quote: "cost" } });
    expect(await prisma.consensusCoding.findUniqueOrThrow({ where: { id: agreedCloud.id } })).toMatchObject({ decisionId: decision.id, quote: "cost" });
  });

  it("refuses a correction of a version someone already corrected, changing nothing", async () => {
    const { w } = await codedWorld();
    expect((await correct(w.ana, input(w))).ok).toBe(true);
    const stale = await correct(w.ben, input(w, { text: "The cost of it was the main thing." }));
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { version: 2 } } });
    expect(await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).toMatchObject({ version: 2, text: NEW_TEXT });
    expect(await prisma.documentVersion.count({ where: { documentId: w.doc1.id } })).toBe(1);
    // A workspace opened before the correction codes offsets of the old text: refused, not misplaced.
    const apply = (version: number) => runProjectAction(as(w.ben), applyCodesSchema, "analyst", applyCodes, { projectId: w.project.id, documentId: w.doc1.id, ...span("main thing", TEXT), codeIds: [w.cost.id], documentVersion: version });
    expect(await apply(1)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await apply(2)).toMatchObject({ ok: true });
  });

  it("refuses viewers, analysts when owners keep corrections to themselves, and other projects' ids", async () => {
    const { w } = await codedWorld();
    expect(await correct(w.vic, input(w))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await setRole(w.ana, { projectId: w.project.id, role: "owner" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await setRole(w.olivia, { projectId: w.project.id, role: "owner" })).toMatchObject({ ok: true });
    expect(await correct(w.ana, input(w))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await preview(w.ana, input(w))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await correct(w.otto, input(w))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await correct(w.olivia, input(w, { documentId: w.foreignDocument.id }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await correct(w.olivia, input(w, { turnIndex: 7 }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await correct(w.olivia, input(w, { text: "" }))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).toMatchObject({ version: 1, text: TEXT });
    expect(await correct(w.olivia, input(w))).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await prisma.auditEvent.count({ where: { projectId: w.project.id, action: "project.correction_role" } })).toBe(1);
  });

  it("still refuses any other change of a document's text, even with the correction flag set by hand", async () => {
    const { w } = await codedWorld();
    await expect(prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('grounded.correction', 'on', true)`;
      await tx.document.update({ where: { id: w.doc1.id }, data: { text: "X", textLength: 1, version: 2 } });
    })).rejects.toThrow(/changes only through a correction/);
    // Archived, flagged, one version up, but the codings left where they were: refused at commit.
    await expect(prisma.$transaction(async (tx) => {
      await tx.documentVersion.create({ data: { projectId: w.project.id, documentId: w.doc1.id, version: 1, text: TEXT, turns: [] } });
      await tx.$executeRaw`SELECT set_config('grounded.correction', 'on', true)`;
      await tx.document.update({ where: { id: w.doc1.id }, data: { text: NEW_TEXT, textLength: [...NEW_TEXT].length, version: 2 } });
    })).rejects.toThrow(/does not match its text/);
    expect(await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).toMatchObject({ version: 1, text: TEXT });
    // An archived version is never rewritten.
    expect((await correct(w.ana, input(w))).ok).toBe(true);
    await expect(prisma.documentVersion.update({ where: { documentId_version: { documentId: w.doc1.id, version: 1 } }, data: { text: "x" } })).rejects.toThrow(/archived document version cannot change/);
  });

  it("corrects a speaker alone, and collapses two codings that become one span into one kept and one detached", async () => {
    const { w } = await codedWorld();
    expect(await correct(w.ana, input(w, { text: "The cost of the cloud was the main thing." }))).toMatchObject({ ok: true, data: { textChanged: false, counts: { kept: 6, edited: 0, detached: 0 } } });
    expect(await prisma.speakerTurn.findFirstOrThrow({ where: { documentId: w.doc1.id, index: 0 } })).toMatchObject({ speaker: "Anna" });

    const a = await prisma.coding.create({ data: { projectId: w.project.id, documentId: w.doc1.id, codeId: w.cost.id, coderId: w.ana.id, ...span("main thing"), quote: "main thing" } });
    const b = await prisma.coding.create({ data: { projectId: w.project.id, documentId: w.doc1.id, codeId: w.cost.id, coderId: w.ana.id, ...span("main thing."), quote: "main thing." } });
    const result = await correct(w.ana, input(w, { version: 2, text: "The cost of the cloud was the main thing" }));
    expect(result).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await prisma.coding.findUnique({ where: { id: a.id } })).toMatchObject({ quote: "main thing" });
    expect(await prisma.coding.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await prisma.codingCorrection.findFirst({ where: { codingId: b.id } })).toMatchObject({ status: "detached", oldQuote: "main thing." });
  });
});

describe("the review list", () => {
  it("shows a blind analyst only flags on their own codings, and hides others' flags from their actions", async () => {
    const { w, c } = await codedWorld();
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    expect((await correct(w.ana, input(w))).ok).toBe(true);
    const ana = await getCorrectionState(w.project.id, w.doc1.id, { id: w.ana.id, role: "analyst" });
    const olivia = await getCorrectionState(w.project.id, w.doc1.id, { id: w.olivia.id, role: "owner" });
    const vic = await getCorrectionState(w.project.id, w.doc1.id, { id: w.vic.id, role: "viewer" });
    expect(ana?.review.map((r) => r.codingId)).toEqual([c.cloud.id]);
    expect(olivia?.review.map((r) => r.codingId).sort()).toEqual([c.cloud.id, c.costOf.id, c.across.id].sort());
    expect(vic).toMatchObject({ version: 2, mayCorrect: false, review: [], versions: [{ version: 1, authorName: "Ana" }] });
    const bens = olivia!.review.find((r) => r.codingId === c.costOf.id)!;
    expect(bens).toMatchObject({ status: "edited", oldQuote: "The cost of", newQuote: "The cost ", coderName: "Ben" });
    expect(await resolve(w.ana, { projectId: w.project.id, correctionId: bens.id, action: "accept" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Ana's own view of the next correction counts only her codings (cost kept, "the main thing" edited); the owner's counts Ben's too.
    expect(await preview(w.ana, input(w, { version: 2, text: "The cost was the major thing." }))).toMatchObject({ ok: true, data: { counts: { kept: 1, edited: 1, detached: 0 } } });
    expect(await preview(w.olivia, input(w, { version: 2, text: "The cost was the major thing." }))).toMatchObject({ ok: true, data: { counts: { kept: 3, edited: 2, detached: 0 } } });
    expect(await resolve(w.vic, { projectId: w.project.id, correctionId: bens.id, action: "accept" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await resolve(w.otto, { projectId: w.project.id, correctionId: bens.id, action: "accept" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await resolve(w.ben, { projectId: w.project.id, correctionId: bens.id, action: "accept" })).toMatchObject({ ok: true });
    expect(await resolve(w.ben, { projectId: w.project.id, correctionId: bens.id, action: "accept" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // Recorded on Ben's coding (so blind mode filters it wherever the history goes), not on the flag.
    expect(await prisma.auditEvent.findFirst({ where: { action: "coding.review", entityId: c.costOf.id } })).toMatchObject({ entity: "Coding", actorId: w.ben.id, after: { coderId: w.ben.id, resolution: "accepted" } });
    const deleting = olivia!.review.find((r) => r.codingId === c.across.id)!;
    expect(await resolve(w.ben, { projectId: w.project.id, correctionId: deleting.id, action: "delete" })).toMatchObject({ ok: true });
    expect(await prisma.coding.findUnique({ where: { id: c.across.id } })).toBeNull();
    expect((await getCorrectionState(w.project.id, w.doc1.id, { id: w.olivia.id, role: "owner" }))?.review.map((r) => r.codingId)).toEqual([c.cloud.id]);
  });

  it("re-places a detached coding with its id, memos, finding evidence and star", async () => {
    const { w, c } = await codedWorld();
    const memo = await prisma.memo.create({ data: { projectId: w.project.id, authorId: w.ana.id, codingId: c.cloud.id, body: "Why the cloud?" } });
    const finding = await prisma.finding.create({ data: { projectId: w.project.id, statement: "Cost matters", createdById: w.olivia.id } });
    await prisma.findingEvidence.create({ data: { findingId: finding.id, codingId: c.cloud.id } });
    await prisma.representativeQuote.create({ data: { codingId: c.cloud.id, projectId: w.project.id, starredById: w.ana.id } });
    expect((await correct(w.ana, input(w))).ok).toBe(true);
    expect(await prisma.memo.count({ where: { codingId: c.cloud.id } })).toBe(0);

    const flag = await prisma.codingCorrection.findFirstOrThrow({ where: { codingId: c.cloud.id } });
    const place = { projectId: w.project.id, correctionId: flag.id, ...span("cost", NEW_TEXT) };
    expect(await replace(w.ben, place)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await replace(w.ana, { ...place, end: 10_000 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    // Ana coded "cost" with this code already: the same coding twice is refused.
    expect(await replace(w.ana, place)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await replace(w.ana, { ...place, ...span("main thing", NEW_TEXT) })).toMatchObject({ ok: true, data: { codingId: c.cloud.id, quote: "main thing" } });
    expect(await prisma.coding.findUniqueOrThrow({ where: { id: c.cloud.id } })).toMatchObject({ quote: "main thing", coderId: w.ana.id, codeId: w.cost.id });
    expect(await prisma.memo.findUnique({ where: { id: memo.id } })).toMatchObject({ codingId: c.cloud.id, body: "Why the cloud?" });
    expect(await prisma.findingEvidence.count({ where: { codingId: c.cloud.id } })).toBe(1);
    expect(await prisma.representativeQuote.count({ where: { codingId: c.cloud.id } })).toBe(1);
    expect(await prisma.codingCorrection.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({ resolution: "replaced", resolvedById: w.ana.id });
    expect(await prisma.auditEvent.count({ where: { action: "coding.replace", entityId: c.cloud.id } })).toBe(1);
  });
});
