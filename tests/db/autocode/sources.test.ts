import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AutocodePreview } from "../../../lib/autocode/plan";
import { loadDemoStudy } from "../../../lib/demo";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { call, ok } from "./helpers";

vi.mock("../../../lib/auth/session", async () => (await import("./helpers")).mockSession());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { prisma } = await useTestDatabase();

describe("code by speaker, across the demo study", () => {
  let projectId: string;
  let analyst: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    ({ projectId } = await loadDemoStudy(prisma));
    analyst = await makeUser(prisma, { name: "Auto Coder" });
    await prisma.membership.create({ data: { projectId, userId: analyst.id, role: "analyst" } });
  }, 120_000);

  it("codes every interviewer turn once: as many codings as a plain count of interviewer turns", async () => {
    const code = await makeCode(prisma, projectId, "Interviewer");
    const turns = await prisma.speakerTurn.findMany({ where: { document: { projectId }, role: "interviewer" }, select: { documentId: true, start: true, end: true } });
    const expected = turns.filter((t) => t.start < t.end);
    expect(expected.length).toBeGreaterThan(100);
    const run = { projectId, codeId: code.id, role: "interviewer" };

    const preview = ok(await call<AutocodePreview>(analyst, "previewBySpeakerAction", run));
    expect(preview).toMatchObject({ passages: expected.length, newCodings: expected.length, alreadyCoded: 0, interviews: new Set(expected.map((t) => t.documentId)).size });
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample.every((s) => s.speaker === "Interviewer")).toBe(true);

    const applied = ok(await call<{ batchId: string; created: number }>(analyst, "applyBySpeakerAction", run));
    expect(applied.created).toBe(expected.length);
    const made = await prisma.coding.findMany({ where: { batchId: applied.batchId }, select: { documentId: true, start: true, end: true } });
    const key = (s: { documentId: string; start: number; end: number }) => `${s.documentId}:${s.start}:${s.end}`;
    // Turns are stored trimmed, so each coding is exactly its turn.
    expect(new Set(made.map(key))).toEqual(new Set(expected.map(key)));
    expect(ok(await call<AutocodePreview>(analyst, "previewBySpeakerAction", run))).toMatchObject({ newCodings: 0, alreadyCoded: expected.length });

    const undone = ok(await call<{ deleted: number }>(analyst, "undoAutocodeBatchAction", { projectId, batchId: applied.batchId }));
    expect(undone.deleted).toBe(expected.length);
    expect(await prisma.coding.count({ where: { codeId: code.id } })).toBe(0);
  }, 60_000);

  it("codes the turns of one speaker by name, ignoring case, in the chosen interviews", async () => {
    const document = await prisma.document.findFirstOrThrow({ where: { projectId }, orderBy: { position: "asc" }, include: { turns: true } });
    const speaker = document.turns.find((t) => t.role === "respondent")!.speaker;
    const code = await makeCode(prisma, projectId, "One voice");
    const preview = ok(await call<AutocodePreview>(analyst, "previewBySpeakerAction", { projectId, codeId: code.id, speaker: speaker.toUpperCase(), documentIds: [document.id] }));
    expect(preview.newCodings).toBe(document.turns.filter((t) => t.speaker === speaker && t.start < t.end).length);
    expect(preview.sample[0]).toMatchObject({ speaker, documentTitle: document.title });
  });
});

describe("code by pattern", () => {
  const TEXT = "Study 3 — notes 🙂\nQ1: How did it start?\nIt started with a grant.\nQ2: And now?\n  q3: lower case too\nThe end.";
  let world: { projectId: string; codeId: string; analyst: Awaited<ReturnType<typeof makeUser>>; documentId: string };
  beforeAll(async () => {
    const analyst = await makeUser(prisma, { name: "Pat" });
    const project = await makeProject(prisma, [{ userId: analyst.id, role: "analyst" }]);
    const document = await makeDocument(prisma, project.id, TEXT);
    const code = await makeCode(prisma, project.id, "Question");
    world = { projectId: project.id, codeId: code.id, analyst, documentId: document.id };
  });
  const texts = (p: AutocodePreview) => p.sample.map((s) => s.text);
  const preview = (input: Record<string, unknown>) => call<AutocodePreview>(world.analyst, "previewByPatternAction", { projectId: world.projectId, codeId: world.codeId, ...input });

  it("codes each line beginning with a prefix, ignoring case and indentation, at code point offsets", async () => {
    const lines = ok(await preview({ kind: "prefix", pattern: "Q" }));
    expect(texts(lines)).toEqual(["Q1: How did it start?", "Q2: And now?", "q3: lower case too"]);
    for (const s of lines.sample) expect(sliceByCodePoints(TEXT, s.start, s.end)).toBe(s.text);
  });

  it("codes from each matching line to the next with 'section'", async () => {
    const sections = ok(await preview({ kind: "regex", pattern: "^\\s*q\\d+:", section: "section" }));
    expect(texts(sections)).toEqual(["Q1: How did it start?\nIt started with a grant.", "Q2: And now?", "q3: lower case too\nThe end."]);
  });

  it("treats a prefix literally: regular expression characters are not special", async () => {
    expect(ok(await preview({ kind: "prefix", pattern: "Q." })).newCodings).toBe(0);
    expect(ok(await preview({ kind: "prefix", pattern: "The end." })).newCodings).toBe(1);
  });

  it("reports an invalid regular expression as such", async () => {
    expect(await preview({ kind: "regex", pattern: "Q(1" })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/not a valid regular expression/) } });
  });

  it("stops a catastrophic regular expression with a clear message, without blocking the server", async () => {
    // A back-reference after a nested repeat: exponential in PostgreSQL's engine on a long line.
    const big = await makeDocument(prisma, world.projectId, "word ".repeat(40_000));
    const started = Date.now();
    // The event loop stays free while PostgreSQL works: a timer set now fires before the answer.
    let loopFree = false;
    setTimeout(() => (loopFree = true), 200);
    const result = await preview({ kind: "regex", pattern: "(\\w+\\s?)+\\1$", documentIds: [big.id] });
    expect(loopFree).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/took longer than 2 seconds/) } });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it("refuses an empty pattern", async () => {
    expect(await preview({ kind: "prefix", pattern: "   " })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});
