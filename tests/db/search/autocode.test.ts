import { beforeAll, describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { undoAutocode } from "../../../lib/autocode/mutations";
import { undoBatchSchema } from "../../../lib/autocode/schema";
import { loadDemoStudy } from "../../../lib/demo";
import { applySearchAutocode, previewSearchAutocode } from "../../../lib/search/autocode";
import { searchAutocodeSchema } from "../../../lib/search/schema";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { as, code, cp, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type Input = { params: string; codeId: string; extent: string; hits: "all" | string[] };
const preview = (u: User, projectId: string, input: Input) => runProjectAction(as(u), searchAutocodeSchema, "analyst", previewSearchAutocode, { projectId, ...input });
const apply = (u: User, projectId: string, input: Input) => runProjectAction(as(u), searchAutocodeSchema, "analyst", applySearchAutocode, { projectId, ...input });
const undo = (u: User, projectId: string, batchId: string) => runProjectAction(as(u), undoBatchSchema, "analyst", undoAutocode, { projectId, batchId });

describe("auto-coding the hits of a search over the demo study", () => {
  let projectId: string;
  let analyst: User;
  beforeAll(async () => {
    ({ projectId } = await loadDemoStudy(prisma));
    const member = await prisma.membership.findFirstOrThrow({ where: { projectId, role: "analyst" }, select: { user: true } });
    analyst = member.user;
  }, 120_000);

  it("previews, applies as one audited batch, and undoes every match of 'label' (25 matches, each its own coding)", async () => {
    const labelling = await prisma.code.create({ data: { projectId, name: "Labelling (auto)" } });
    const input = { params: "q=label&mode=words", codeId: labelling.id, extent: "hit", hits: "all" as const };
    expect(await preview(analyst, projectId, input)).toMatchObject({ ok: true, data: { passages: 25, newCodings: 25, alreadyCoded: 0 } });

    const applied = await apply(analyst, projectId, input);
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.data.created).toBe(25);
    const codings = await prisma.coding.findMany({ where: { codeId: labelling.id }, select: { documentId: true, start: true, end: true, quote: true, coderId: true, batchId: true } });
    expect(codings).toHaveLength(25);
    const texts = new Map((await prisma.document.findMany({ where: { projectId }, select: { id: true, text: true } })).map((d) => [d.id, d.text]));
    for (const c of codings) {
      expect(c).toMatchObject({ coderId: analyst.id, batchId: applied.data.batchId });
      expect(sliceByCodePoints(texts.get(c.documentId)!, c.start, c.end)).toBe(c.quote);
      expect(c.quote.toLowerCase()).toMatch(/^label(s|led|ling)?$/);
    }
    expect(await prisma.auditEvent.count({ where: { projectId, action: "coding.autocode", entityId: applied.data.batchId! } })).toBe(1);

    // The same run again adds nothing: every passage is already the analyst's.
    expect(await preview(analyst, projectId, input)).toMatchObject({ ok: true, data: { newCodings: 0, alreadyCoded: 25 } });

    expect(await undo(analyst, projectId, applied.data.batchId!)).toMatchObject({ ok: true, data: { deleted: 25, kept: [] } });
    expect(await prisma.coding.count({ where: { codeId: labelling.id } })).toBe(0);
  });

  it("widens each match to its sentence, merging two matches in one sentence", async () => {
    const sentences = await prisma.code.create({ data: { projectId, name: "Label sentences" } });
    const result = await preview(analyst, projectId, { params: "q=label&mode=words", codeId: sentences.id, extent: "sentence", hits: "all" });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.passages).toBeLessThanOrEqual(25);
    expect(result.data.sample.every((s) => /label/i.test(s.text))).toBe(true);
    expect(result.data.sample.some((s) => s.text.length > "labelling".length + 10)).toBe(true);
  });
});

describe("auto-coding search hits in a team project", () => {
  let w: TeamWorld;
  beforeAll(async () => {
    w = await teamWorld(prisma);
  });
  const hit = (documentId: string, needle: string) => `${documentId}:${cp(needle)}:${cp(needle) + [...needle].length}`;

  it("codes only the ticked matches, and refuses a ticked match the search does not find", async () => {
    const ticked = await apply(w.ana, w.project.id, { params: "q=cost", codeId: w.cost.id, extent: "turn", hits: [hit(w.doc2.id, "cost")] });
    expect(ticked).toMatchObject({ ok: true, data: { created: 1 } });
    const made = await prisma.coding.findFirstOrThrow({ where: { codeId: w.cost.id, coderId: w.ana.id } });
    expect(made).toMatchObject({ documentId: w.doc2.id, quote: "The cost of the cloud was the main thing." });
    const forged = await apply(w.ana, w.project.id, { params: "q=cost", codeId: w.cost.id, extent: "hit", hits: [hit(w.doc1.id, "community")] });
    expect(forged).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("under blind coding counts only the caller's own codings as already coded", async () => {
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    await code(prisma, w, w.ben, w.doc1.id, w.community.id, "community");
    const result = await preview(w.ana, w.project.id, { params: "q=community", codeId: w.community.id, extent: "hit", hits: "all" });
    expect(result).toMatchObject({ ok: true, data: { newCodings: 2, alreadyCoded: 0 } });
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: false } });
  });

  it("refuses viewers, another project's code, and another project", async () => {
    expect(await apply(w.vic, w.project.id, { params: "q=cost", codeId: w.cost.id, extent: "hit", hits: "all" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await apply(w.ana, w.project.id, { params: "q=cost", codeId: w.foreignCode.id, extent: "hit", hits: "all" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await apply(w.ana, w.other.id, { params: "q=cost", codeId: w.cost.id, extent: "hit", hits: "all" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await apply(w.ana, w.project.id, { params: "q=zebra", codeId: w.cost.id, extent: "hit", hits: "all" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});
