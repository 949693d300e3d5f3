import { beforeAll, describe, expect, it, vi } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { listBatches } from "../../../lib/autocode/data";
import { MAX_SPANS } from "../../../lib/autocode/limits";
import { applyAutocode, previewAutocode } from "../../../lib/autocode/mutations";
import type { AutocodePreview } from "../../../lib/autocode/plan";
import { autocodeSpansSchema } from "../../../lib/autocode/schema";
import { updateCoding } from "../../../lib/codings/mutations";
import { updateCodingSchema } from "../../../lib/codings/schema";
import { as, code, span, teamWorld, TEXT, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";
import { call, ok } from "./helpers";

vi.mock("../../../lib/auth/session", async () => (await import("./helpers")).mockSession());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { prisma } = await useTestDatabase();

// The core as a search would call it (lib/search builds the spans server-side), through the same checks as an action.
const spansSchema = autocodeSpansSchema.extend({ projectId: autocodeSpansSchema.shape.codeId });
const preview = (u: User, input: unknown) => runProjectAction(as(u), spansSchema, "analyst", previewAutocode, input);
const apply = (u: User, input: unknown) =>
  runProjectAction(as(u), spansSchema, "analyst", (ctx, i) => applyAutocode(ctx, { ...i, source: { kind: "search", summary: 'search "the"', query: "the" } }), input);

/** Every "the" (any case) in both documents: three in Ana's sentence, two in Ben's. */
function theHits(w: TeamWorld) {
  const chars = [...TEXT];
  const spans = [];
  for (const m of TEXT.matchAll(/\bthe\b/gi)) {
    const start = [...TEXT.slice(0, m.index)].length;
    for (const d of [w.doc1, w.doc2]) spans.push({ documentId: d.id, start, end: start + 3 });
  }
  expect(chars.length).toBeGreaterThan(0);
  return spans;
}

const SENTENCE_A = "The cost of the cloud was the main thing.";
const SENTENCE_B = "We liked the community around the tools.";

let w: TeamWorld;
beforeAll(async () => {
  w = await teamWorld(prisma);
});

describe("previewing and applying a run", () => {
  it("widens hits to their sentences, merges them, and counts what the caller already coded", async () => {
    // Ana already coded Ben's whole turn in doc2 with the code: that passage is covered. Ben's coding of doc1 is not hers.
    await code(prisma, w, w.ana, w.doc2.id, w.community.id, SENTENCE_B);
    await code(prisma, w, w.ben, w.doc1.id, w.community.id, SENTENCE_A);
    const input = { projectId: w.project.id, codeId: w.community.id, extent: "sentence", spans: theHits(w) };
    const result = ok(await preview(w.ana, input)) as AutocodePreview;
    // A plain recomputation: 2 documents x 2 sentences, one of them covered by Ana's own coding.
    expect(result).toMatchObject({ passages: 4, newCodings: 3, alreadyCoded: 1, interviews: 2 });
    expect(result.sample.map((s) => [s.documentTitle, s.speaker, s.text])).toEqual([
      [w.doc1.title, "Ana", SENTENCE_A],
      [w.doc1.title, "Ben", SENTENCE_B],
      [w.doc2.title, "Ana", SENTENCE_A],
    ]);

    const applied = ok(await apply(w.ana, input));
    expect(applied).toMatchObject({ created: 3, alreadyCoded: 1, interviews: 2 });
    const made = await prisma.coding.findMany({ where: { batchId: applied.batchId! }, orderBy: [{ documentId: "asc" }, { start: "asc" }] });
    expect(made.map((c) => [c.documentId, c.start, c.end, c.quote, c.coderId]).sort()).toEqual(
      result.sample.map((s) => [s.documentId, s.start, s.end, s.text, w.ana.id]).sort(),
    );
    const batch = await prisma.codingBatch.findUniqueOrThrow({ where: { id: applied.batchId! } });
    expect(batch).toMatchObject({ actorId: w.ana.id, codeId: w.community.id, kind: "search", undoneAt: null });
    expect(batch.source).toMatchObject({ query: "the", extent: "sentence", newCodings: 3, alreadyCoded: 1 });
    const audit = await prisma.auditEvent.findMany({ where: { projectId: w.project.id, action: "coding.autocode" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "CodingBatch", entityId: batch.id, actorId: w.ana.id });
    expect(audit[0].after).toMatchObject({ created: 3, code: { id: w.community.id, name: "Community" } });

    // Run again: everything is now coded, and nothing new is made.
    expect(ok(await preview(w.ana, input))).toMatchObject({ newCodings: 0, alreadyCoded: 4 });
    expect(ok(await apply(w.ana, input))).toMatchObject({ batchId: null, created: 0, alreadyCoded: 4 });
    expect(await prisma.codingBatch.count({ where: { projectId: w.project.id } })).toBe(1);
  });

  it("counts a passage inside a wider coding of the caller's as already coded", async () => {
    await code(prisma, w, w.olivia, w.doc1.id, w.cost.id, SENTENCE_A);
    const hits = [{ documentId: w.doc1.id, ...span("cloud") }, { documentId: w.doc1.id, ...span("tools") }];
    const result = ok(await preview(w.olivia, { projectId: w.project.id, codeId: w.cost.id, extent: "hit", spans: hits })) as AutocodePreview;
    expect(result).toMatchObject({ passages: 2, newCodings: 1, alreadyCoded: 1 });
    expect(result.sample.map((s) => s.text)).toEqual(["tools"]);
    await prisma.coding.deleteMany({ where: { coderId: w.olivia.id, codeId: w.cost.id } });
  });

  it("codes just the hit, or the whole turn", async () => {
    const hits = theHits(w).filter((s) => s.documentId === w.doc1.id);
    const justHits = ok(await preview(w.olivia, { projectId: w.project.id, codeId: w.cost.id, extent: "hit", spans: hits })) as AutocodePreview;
    expect(justHits.newCodings).toBe(5);
    expect(justHits.sample.every((s) => s.text.toLowerCase() === "the")).toBe(true);
    const turns = ok(await preview(w.olivia, { projectId: w.project.id, codeId: w.cost.id, extent: "turn", spans: hits })) as AutocodePreview;
    expect(turns.sample.map((s) => s.text)).toEqual([SENTENCE_A, SENTENCE_B]);
  });
});

describe("undoing a run", () => {
  it("deletes the run's codings, keeps the ones worked on since and names them, and refuses a second undo", async () => {
    const input = { projectId: w.project.id, codeId: w.cost.id, extent: "hit", spans: theHits(w) };
    const applied = ok(await apply(w.ben, input));
    expect(applied.created).toBe(10);
    const made = await prisma.coding.findMany({ where: { batchId: applied.batchId! }, orderBy: [{ documentId: "asc" }, { start: "asc" }] });
    // Ben edits one (version 2) and pins a memo on another: both must survive the undo.
    ok(await runProjectAction(as(w.ben), updateCodingSchema, "analyst", updateCoding, { projectId: w.project.id, codingId: made[0].id, version: 1, memo: "keep me" }));
    await prisma.memo.create({ data: { projectId: w.project.id, authorId: w.ben.id, codingId: made[1].id, body: "a note" } });

    // Ana may not undo Ben's run (the project is open: she is told why); the owner and Ben may.
    const refused = await call(w.ana, "undoAutocodeBatchAction", { projectId: w.project.id, batchId: applied.batchId });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const undone = ok(await call<{ deleted: number; kept: { id: string }[] }>(w.ben, "undoAutocodeBatchAction", { projectId: w.project.id, batchId: applied.batchId }));
    expect(undone.deleted).toBe(8);
    expect(undone.kept.map((k) => k.id).sort()).toEqual([made[0].id, made[1].id].sort());
    expect(await prisma.coding.count({ where: { id: { in: made.map((m) => m.id) } } })).toBe(2);
    expect((await prisma.codingBatch.findUniqueOrThrow({ where: { id: applied.batchId! } })).undoneAt).not.toBeNull();
    const audit = await prisma.auditEvent.findMany({ where: { entityId: applied.batchId!, action: "coding.autocode_undo" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ deleted: 8 });

    const again = await call(w.olivia, "undoAutocodeBatchAction", { projectId: w.project.id, batchId: applied.batchId });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/already undone/) } });
    const runs = await listBatches(w.project.id, { id: w.ben.id, role: "analyst" });
    expect(runs.find((r) => r.id === applied.batchId)).toMatchObject({ present: 2, newCodings: 10, mayUndo: false, actorName: "Ben" });
  });
});

describe("refusals", () => {
  const input = (w: TeamWorld, over: Record<string, unknown> = {}) => ({ projectId: w.project.id, codeId: w.cost.id, extent: "sentence", spans: [{ documentId: w.doc1.id, ...span("cloud") }], ...over });

  it("refuses a viewer, before anything is read", async () => {
    expect(await preview(w.vic, input(w))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await apply(w.vic, input(w))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(w.vic, "applyBySpeakerAction", { projectId: w.project.id, codeId: w.cost.id, role: "respondent" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("answers NOT_FOUND for another project's code or interview, and for an unknown run", async () => {
    expect(await apply(w.ana, input(w, { codeId: w.foreignCode.id }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await apply(w.ana, input(w, { spans: [{ documentId: w.foreignDocument.id, ...span("cloud") }] }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(w.ana, "applyBySpeakerAction", { projectId: w.project.id, codeId: w.cost.id, role: "respondent", documentIds: [w.foreignDocument.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(w.ana, "undoAutocodeBatchAction", { projectId: w.project.id, batchId: "cnotarun000000000000000" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.codingBatch.count({ where: { projectId: w.project.id, actorId: w.ana.id, codeId: w.cost.id } })).toBe(0);
  });

  it("refuses a deleted code, a span past the end, and more than the maximum of spans", async () => {
    const gone = await prisma.code.create({ data: { projectId: w.project.id, name: "Gone", deletedAt: new Date() } });
    expect(await apply(w.ana, input(w, { codeId: gone.id }))).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/deleted/) } });
    expect(await preview(w.ana, input(w, { spans: [{ documentId: w.doc1.id, start: 5, end: 500 }] }))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const many = Array.from({ length: MAX_SPANS + 1 }, (_, i) => ({ documentId: w.doc1.id, start: i % 90, end: (i % 90) + 1 }));
    expect(await preview(w.ana, input(w, { spans: many }))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const spans = many.slice(0, MAX_SPANS).map(({ documentId, start, end }) => ({ documentId, start, end }));
    const ctx = { user: as(w.ana), projectId: w.project.id, role: "analyst" as const };
    await expect(previewAutocode(ctx, { codeId: w.cost.id, extent: "hit", spans: [...spans, spans[0]] })).rejects.toMatchObject({ code: "VALIDATION", message: /at most 20,000/ });
    await expect(previewAutocode(ctx, { codeId: w.cost.id, extent: "hit", spans: [{ documentId: w.doc1.id, start: 9, end: 9 }] })).rejects.toMatchObject({ code: "VALIDATION", message: /start before it ends/ });
  });

  it("refuses every run in an archived project", async () => {
    const archived = await teamWorld(prisma);
    await prisma.project.update({ where: { id: archived.project.id }, data: { archivedAt: new Date() } });
    expect(await apply(archived.ana, input(archived))).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringMatching(/archived/) } });
    expect(await call(archived.ana, "previewBySpeakerAction", { projectId: archived.project.id, codeId: archived.cost.id, role: "respondent" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("blind coding", () => {
  it("ignores other analysts' codings, hides their runs and refuses their undo as NOT_FOUND", async () => {
    const b = await teamWorld(prisma);
    await prisma.project.update({ where: { id: b.project.id }, data: { blindCoding: true } });
    // Ben coded both turns of doc1 with Community; Ana's run on the same turns counts them new for her.
    await code(prisma, b, b.ben, b.doc1.id, b.community.id, SENTENCE_A);
    await code(prisma, b, b.ben, b.doc1.id, b.community.id, SENTENCE_B);
    const run = { projectId: b.project.id, codeId: b.community.id, documentIds: [b.doc1.id], role: "respondent" };
    const seen = ok(await call<AutocodePreview>(b.ana, "previewBySpeakerAction", run));
    expect(seen).toMatchObject({ newCodings: 2, alreadyCoded: 0 });
    expect(JSON.stringify(seen)).not.toContain(b.ben.id);
    const anas = ok(await call<{ batchId: string }>(b.ana, "applyBySpeakerAction", run));
    const bens = ok(await call<{ batchId: string }>(b.ben, "applyBySpeakerAction", { ...run, codeId: b.cost.id }));

    expect((await listBatches(b.project.id, { id: b.ben.id, role: "analyst" })).map((r) => r.id)).toEqual([bens.batchId]);
    expect(await listBatches(b.project.id, { id: b.vic.id, role: "viewer" })).toEqual([]);
    expect(await listBatches(b.project.id, { id: b.olivia.id, role: "owner" }, { kind: "search" })).toEqual([]);
    expect((await listBatches(b.project.id, { id: b.olivia.id, role: "owner" })).map((r) => r.id).sort()).toEqual([anas.batchId, bens.batchId].sort());

    expect(await call(b.ben, "undoAutocodeBatchAction", { projectId: b.project.id, batchId: anas.batchId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.coding.count({ where: { batchId: anas.batchId } })).toBe(2);
    expect(ok(await call<{ deleted: number }>(b.olivia, "undoAutocodeBatchAction", { projectId: b.project.id, batchId: anas.batchId })).deleted).toBe(2);
    // Ben's own codings, made by hand, were never touched.
    expect(await prisma.coding.count({ where: { documentId: b.doc1.id, coderId: b.ben.id, batchId: null } })).toBe(2);
  });
});
