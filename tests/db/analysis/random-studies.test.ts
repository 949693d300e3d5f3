import { describe, expect, it } from "vitest";
import type { CoderSelection } from "../../../lib/analysis/coder-selection";
import { CO_OCCURRENCE_CODES, coOccurrencePairs, getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { coderFigures, interviewCoverage, themeFigures } from "../../../lib/analysis/data";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { referenceCoderFigures, referenceCoOccurrence, referenceCrosstab, referenceThemeFigures } from "../../../lib/analysis/reference";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { loadRows } from "./rows";
import { seeded } from "../../helpers/seeded";

const { prisma } = await useTestDatabase();

type StudySize = { documents: number; textLength: number; codes: number; codings: number; decisions: number; maxSpan: number };
const SMALL: StudySize = { documents: 5, textLength: 80, codes: 7, codings: 90, decisions: 12, maxSpan: 15 };
// Issue 14.4: the same checks with a codebook of a thousand codes in three levels, where the
// co-occurrence matrix is cut to the most frequent codes and the pages show one page of themes.
const MANY: StudySize = { documents: 12, textLength: 600, codes: 1_000, codings: 4_000, decisions: 40, maxSpan: 40 };

/**
 * A random study: a nested codebook with a deleted code, three coders, codings piled on short
 * texts so that overlaps, touching spans, identical spans and nesting all occur.
 */
async function randomStudy(seed: number, size: StudySize = SMALL) {
  const random = seeded(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
  const text = "x".repeat(size.textLength);
  const span = () => {
    const start = Math.floor(random() * (size.textLength - 10));
    return { start, end: Math.min(size.textLength, start + 1 + Math.floor(random() * size.maxSpan)) };
  };
  const coders = [await makeUser(prisma), await makeUser(prisma), await makeUser(prisma)];
  const project = await makeProject(prisma, coders.map((c) => ({ userId: c.id, role: "analyst" as const })));
  const projectId = project.id;
  const sector = await prisma.attributeDefinition.create({ data: { projectId, name: "sector", type: "category", categories: ["a", "b"] } });
  const weight = await prisma.attributeDefinition.create({ data: { projectId, name: "weight", type: "number" } });
  const cases = [];
  for (let i = 0; i < 4; i++) {
    const c = await prisma.case.create({ data: { projectId, name: `C${i}` } });
    await prisma.attributeValue.create({ data: { projectId, caseId: c.id, attributeId: weight.id, numberValue: Math.floor(random() * 10) } });
    if (i < 3) await prisma.attributeValue.create({ data: { projectId, caseId: c.id, attributeId: sector.id, textValue: pick(["a", "b"]) } });
    cases.push(c);
  }
  const documents = [];
  for (let i = 0; i < size.documents; i++) {
    const d = await makeDocument(prisma, projectId, text);
    documents.push(i < size.documents - 1 ? await prisma.document.update({ where: { id: d.id }, data: { caseId: cases[i % 3].id } }) : d);
  }
  // Parents come before their children, so one insert takes them all; the last code is deleted.
  const codes: { id: string; projectId: string; name: string; parentId: string | null; deletedAt: Date | null }[] = [];
  for (let i = 0; i < size.codes; i++) {
    const parentId = i > 0 && random() < 0.6 ? pick(codes).id : null;
    codes.push({ id: `${projectId}-k${i}`, projectId, name: `K${i}`, parentId, deletedAt: i === size.codes - 1 ? new Date() : null });
  }
  await prisma.code.createMany({ data: codes });
  const codings = new Map<string, { projectId: string; documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string }>();
  for (let i = 0; i < size.codings; i++) {
    const { start, end } = span(); // drawn first: the seeds' studies stay as they were
    const row = { projectId, documentId: pick(documents).id, codeId: pick(codes).id, coderId: pick(coders).id, start, end };
    codings.set(JSON.stringify(row), { ...row, quote: sliceByCodePoints(text, row.start, row.end) });
  }
  await prisma.coding.createMany({ data: [...codings.values()] });
  // A consensus layer: decisions with one to three spans each, some undone with their rows
  // left in place (the filter on undoneAt must hide them), duplicates and overlaps included.
  for (let i = 0; i < size.decisions; i++) {
    const decision = await prisma.adjudicationDecision.create({
      data: { projectId, documentId: pick(documents).id, codeId: pick(codes).id, kind: "custom", decidedById: coders[0].id, undoneAt: random() < 0.25 ? new Date() : null },
    });
    const spans = Array.from({ length: 1 + Math.floor(random() * 3) }, span);
    await prisma.consensusCoding.createMany({
      data: spans.map(({ start, end }) => ({ projectId, documentId: decision.documentId, codeId: decision.codeId, decisionId: decision.id, start, end, quote: sliceByCodePoints(text, start, end) })),
    });
  }
  return { projectId, coders, sector, weight };
}

describe("SQL against the TypeScript reference on random studies", () => {
  it.each([
    [1, SMALL], [2, SMALL], [3, SMALL], [4, SMALL], [5, SMALL], [6, SMALL],
    [7, MANY], [8, MANY],
  ] as const)("seed %i (%o): theme figures, crosstab, co-occurrence and quote counts agree under every selection, the consensus layer included", async (seed, size) => {
    const s = await randomStudy(seed, size);
    const rows = await loadRows(prisma, s.projectId);
    const [a, b, c] = s.coders.map((u) => u.id);
    const selections: CoderSelection[] = [{ kind: "any" }, { kind: "coder", coderId: a }, { kind: "agreed", coderIds: [a, b] }, { kind: "agreed", coderIds: [c, a] }, { kind: "consensus" }];
    let agreedPassages = 0;
    let consensusPassages = 0;
    for (const selection of selections) {
      const figures = await themeFigures(s.projectId, selection, s.weight.id);
      if (selection.kind === "agreed") agreedPassages += [...figures.values()].reduce((n, f) => n + f.ownPassages, 0);
      if (selection.kind === "consensus") consensusPassages += [...figures.values()].reduce((n, f) => n + f.ownPassages, 0);
      expect(Object.fromEntries(figures)).toEqual(Object.fromEntries(referenceThemeFigures(rows, selection, s.weight.id)));
      const pairs = referenceCoOccurrence(rows, selection);
      // The matrix shown: every code when they are few, else the most frequent, with its cells.
      const shown = await getCoOccurrence(s.projectId, selection);
      const chosen = new Set(shown.codes.map((c) => c.codeId));
      if (size.codes > CO_OCCURRENCE_CODES) expect(chosen.size).toBe(Math.min(CO_OCCURRENCE_CODES, shown.coded));
      expect(shown.cells).toEqual(pairs.filter((cell) => cell.codeIds.every((id) => chosen.has(id))));
      // The download: every pair.
      const download = await coOccurrencePairs(s.projectId, selection, 1_000_000);
      const asCells = download.pairs.map((p) => ({ codeIds: [p.code_a, p.code_b].sort(), interviews: p.interviews, passages: p.passages }));
      expect(asCells.sort((x, y) => (x.codeIds.join() < y.codeIds.join() ? -1 : 1))).toEqual([...pairs].sort((x, y) => (x.codeIds.join() < y.codeIds.join() ? -1 : 1)));
      const table = await getCrosstab(s.projectId, selection, s.sector.id);
      const reference = referenceCrosstab(rows, selection, s.sector.id);
      for (const row of table.rows) for (const cell of row.cells) expect(cell.cases).toBe(reference.get(row.codeId)!.get(cell.category) ?? 0);
      // Every code's quotes when they are few; a spread of 40 of them when they are a thousand.
      const quoted = [...figures].filter((_, i, all) => all.length <= 40 || i % Math.ceil(all.length / 40) === 0);
      for (const [codeId, f] of quoted) {
        expect((await getCellQuotes(s.projectId, selection, { kind: "code", codeId }, 10_000)).total).toBe(f.passages);
      }
      const coverage = await interviewCoverage(s.projectId, selection, [...figures.keys()], null);
      for (const [codeId, f] of figures) expect(coverage.interviews.get(codeId)).toBe(f.interviews);
    }
    // Each analyst's own figures (the summaries' per-analyst columns), counted by another route.
    const perCoder = new Map<string, { coderId: string; passages: number; interviews: number }[]>();
    for (const r of await coderFigures(s.projectId)) (perCoder.get(r.code_id) ?? perCoder.set(r.code_id, []).get(r.code_id)!).push({ coderId: r.coder_id, passages: r.passages, interviews: r.interviews });
    for (const [codeId, expected] of referenceCoderFigures(rows)) {
      const byId = (x: { coderId: string }, y: { coderId: string }) => (x.coderId < y.coderId ? -1 : 1);
      expect((perCoder.get(codeId) ?? []).sort(byId)).toEqual([...expected].sort(byId));
    }
    // Not vacuous: the random codings give the analysts passages to agree on, and the consensus layer has some.
    expect(agreedPassages).toBeGreaterThan(0);
    expect(consensusPassages).toBeGreaterThan(0);
  }, 240_000); // a thousand codes: half a million pairs for the plain computation
});
