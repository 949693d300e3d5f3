import { describe, expect, it } from "vitest";
import type { CoderSelection } from "../../../lib/analysis/coder-selection";
import { getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { coderFigures, interviewCoverage, themeFigures } from "../../../lib/analysis/data";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { referenceCoderFigures, referenceCoOccurrence, referenceCrosstab, referenceThemeFigures } from "../../../lib/analysis/reference";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { loadRows } from "./rows";
import { seeded } from "../../helpers/seeded";

const { prisma } = await useTestDatabase();

const TEXT = "x".repeat(80);

/**
 * A random small study: a nested codebook with a deleted code, three coders, codings piled
 * on a short text so that overlaps, touching spans, identical spans and nesting all occur.
 */
async function randomStudy(seed: number) {
  const random = seeded(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
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
  for (let i = 0; i < 5; i++) {
    const d = await makeDocument(prisma, projectId, TEXT);
    documents.push(i < 4 ? await prisma.document.update({ where: { id: d.id }, data: { caseId: cases[i % 3].id } }) : d);
  }
  const codes: { id: string }[] = [];
  for (let i = 0; i < 7; i++) {
    const parentId = i > 0 && random() < 0.6 ? pick(codes).id : null;
    codes.push(await prisma.code.create({ data: { projectId, name: `K${i}`, parentId, deletedAt: i === 6 ? new Date() : null } }));
  }
  const seen = new Set<string>();
  for (let i = 0; i < 90; i++) {
    const start = Math.floor(random() * 70);
    const end = Math.min(80, start + 1 + Math.floor(random() * 15));
    const row = { projectId, documentId: pick(documents).id, codeId: pick(codes).id, coderId: pick(coders).id, start, end };
    const key = JSON.stringify(row);
    if (seen.has(key)) continue;
    seen.add(key);
    await prisma.coding.create({ data: { ...row, quote: sliceByCodePoints(TEXT, start, end) } });
  }
  // A consensus layer: decisions with one to three spans each, some undone with their rows
  // left in place (the filter on undoneAt must hide them), duplicates and overlaps included.
  for (let i = 0; i < 12; i++) {
    const decision = await prisma.adjudicationDecision.create({
      data: { projectId, documentId: pick(documents).id, codeId: pick(codes).id, kind: "custom", decidedById: coders[0].id, undoneAt: random() < 0.25 ? new Date() : null },
    });
    for (let j = Math.floor(random() * 3); j >= 0; j--) {
      const start = Math.floor(random() * 70);
      const end = Math.min(80, start + 1 + Math.floor(random() * 15));
      await prisma.consensusCoding.create({
        data: { projectId, documentId: decision.documentId, codeId: decision.codeId, decisionId: decision.id, start, end, quote: sliceByCodePoints(TEXT, start, end) },
      });
    }
  }
  return { projectId, coders, sector, weight };
}

describe("SQL against the TypeScript reference on random studies", () => {
  it.each([1, 2, 3, 4, 5, 6])("seed %i: theme figures, crosstab, co-occurrence and quote counts agree under every selection, the consensus layer included", async (seed) => {
    const s = await randomStudy(seed);
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
      expect((await getCoOccurrence(s.projectId, selection)).cells).toEqual(referenceCoOccurrence(rows, selection));
      const table = await getCrosstab(s.projectId, selection, s.sector.id);
      const reference = referenceCrosstab(rows, selection, s.sector.id);
      for (const row of table.rows) for (const cell of row.cells) expect(cell.cases).toBe(reference.get(row.codeId)!.get(cell.category) ?? 0);
      for (const [codeId, f] of figures) {
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
  });
});
