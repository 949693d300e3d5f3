import { beforeAll, describe, expect, it } from "vitest";
import type { CoderSelection } from "../../../lib/analysis/coder-selection";
import { getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { getThemeSummaries, themeFigures } from "../../../lib/analysis/data";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { type AnalysisRows, caseCategories, referenceCoderFigures, referenceCoOccurrence, referenceCrosstab, referenceThemeFigures } from "../../../lib/analysis/reference";
import { loadDemoStudy } from "../../../lib/demo";
import { useTestDatabase } from "../helpers/test-database";
import { loadRows } from "./rows";

const { prisma } = await useTestDatabase();

let projectId: string;
let rows: AnalysisRows;
let a: string;
let b: string;
let attribute: (name: string) => string;
let code: (name: string) => string;

beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  rows = await loadRows(prisma, projectId);
  const users = await prisma.user.findMany({ where: { email: { in: ["analyst-a@demo.grounded.test", "analyst-b@demo.grounded.test"] } }, orderBy: { email: "asc" } });
  [a, b] = users.map((u) => u.id);
  const attributes = await prisma.attributeDefinition.findMany({ where: { projectId } });
  attribute = (name) => attributes.find((x) => x.name === name)!.id;
  const codes = await prisma.code.findMany({ where: { projectId } });
  code = (name) => codes.find((x) => x.name === name)!.id;
});

const selections = (): [string, CoderSelection][] => [
  ["any analyst", { kind: "any" }],
  ["analyst A", { kind: "coder", coderId: a }],
  ["analyst B", { kind: "coder", coderId: b }],
  ["agreed A and B", { kind: "agreed", coderIds: [a, b] }],
];

describe("theme summaries on the demo study: SQL equals the TypeScript reference", () => {
  it.each([0, 1, 2, 3])("per code and rolled up, weighted by projects, under selection %#", async (i) => {
    const [, selection] = selections()[i];
    const sql = await themeFigures(projectId, selection, attribute("projects"));
    const reference = referenceThemeFigures(rows, selection, attribute("projects"));
    expect(Object.fromEntries(sql)).toEqual(Object.fromEntries(reference));
    // Not a vacuous comparison: every "Why AWS" reason is raised somewhere under every selection.
    for (const reason of ["Breadth of capabilities", "Cost versus value", "Amazon relationship", "Compute locality", "Peer community and resources"]) {
      expect(sql.get(code(reason))!.interviews).toBeGreaterThan(0);
    }
  });

  it("rolls a parent up without counting an interview twice, and shares use the whole project", async () => {
    const summary = await getThemeSummaries(projectId, { kind: "any" }, "all", attribute("projects"));
    expect(summary.totals).toMatchObject({ documents: 32, cases: 32, weight: { name: "projects", total: 388 } });
    const row = (name: string) => summary.rows.find((r) => r.name === name)!;
    const why = row("Why AWS");
    const reasons = summary.rows.filter((r) => r.parentId === why.codeId);
    expect(reasons).toHaveLength(5);
    expect(why.passages).toBe(reasons.reduce((n, r) => n + r.passages, 0) + why.ownPassages);
    expect(why.interviews).toBeLessThan(reasons.reduce((n, r) => n + r.interviews, 0));
    expect(why.interviews).toBeGreaterThanOrEqual(Math.max(...reasons.map((r) => r.interviews)));
    expect(why.interviewShare).toBeCloseTo(why.interviews / 32, 12);
    expect(why.weightedShare).toBeCloseTo(why.weighted! / 388, 12);
    // Siblings ranked by interviews, ties sharing a rank.
    for (const r of reasons) expect(r.siblingRank).toBe(1 + reasons.filter((o) => o.interviews > r.interviews).length);
  });

  it("counts per analyst equal each analyst's own selection", async () => {
    const summary = await getThemeSummaries(projectId, { kind: "any" }, "all");
    expect(summary.coders.map((c) => c.name)).toEqual(["Ana Analyst (A)", "Ben Analyst (B)"]);
    const reference = referenceCoderFigures(rows);
    for (const r of summary.rows) {
      const expected = summary.coders.map((c) => reference.get(r.codeId)!.find((f) => f.coderId === c.id) ?? { coderId: c.id, passages: 0, interviews: 0 });
      expect(r.byCoder, r.name).toEqual(expected);
    }
    const onlyA = await themeFigures(projectId, { kind: "coder", coderId: a }, null);
    for (const r of summary.rows) expect(r.byCoder[0].passages).toBe(onlyA.get(r.codeId)!.passages);
  });

  it("labels the selection on the result", async () => {
    expect((await getThemeSummaries(projectId, { kind: "any" }, "all")).selectionLabel).toBe("Any analyst (union of all codings)");
    expect((await getThemeSummaries(projectId, { kind: "agreed", coderIds: [a, b] }, "all")).selectionLabel).toBe(
      "Agreed by Ana Analyst (A) and Ben Analyst (B) (passages both coded with the same code)",
    );
  });
});

describe("breakdowns on the demo study", () => {
  it.each([0, 1, 2, 3])("crosstab of every code by sector equals the reference under selection %#", async (i) => {
    const [, selection] = selections()[i];
    const table = await getCrosstab(projectId, selection, attribute("sector"));
    expect(table.categories.map((c) => [c.value, c.cases])).toEqual([
      ["academia", 6],
      ["large corporation", 7],
      ["AI/DL startup", 9],
      ["services company", 5],
      ["large technology company", 5],
    ]);
    const reference = referenceCrosstab(rows, selection, attribute("sector"));
    for (const row of table.rows) {
      for (const cell of row.cells) {
        expect(cell.cases, `${row.name} x ${cell.category}`).toBe(reference.get(row.codeId)!.get(cell.category) ?? 0);
        const inCategory = table.categories.find((c) => c.value === cell.category)!.cases;
        expect(cell.share).toBeCloseTo(cell.cases / inCategory, 12);
      }
    }
  });

  it.each([0, 1, 2, 3])("co-occurrence matrix equals the reference under selection %#", async (i) => {
    const [, selection] = selections()[i];
    const matrix = await getCoOccurrence(projectId, selection);
    expect(matrix.cells).toEqual(referenceCoOccurrence(rows, selection));
    expect(matrix.cells.some((c) => c.passages > 0)).toBe(true);
  });
});

describe("the quotes behind each number on the demo study", () => {
  it("a theme's quotes are its passages, rolled up, with the codings, analysts, speakers and text behind them", async () => {
    const turns = await prisma.speakerTurn.findMany({ where: { document: { projectId } }, orderBy: [{ documentId: "asc" }, { index: "asc" }] });
    for (const [, selection] of selections()) {
      const figures = await themeFigures(projectId, selection, null);
      for (const name of ["Why AWS", "Cost versus value", "Runs on AWS"]) {
        const quotes = await getCellQuotes(projectId, selection, { kind: "code", codeId: code(name) }, 10_000);
        expect(quotes.total).toBe(figures.get(code(name))!.passages);
        expect(quotes.quotes).toHaveLength(quotes.total);
        expect(new Set(quotes.quotes.map((q) => q.documentId)).size).toBe(figures.get(code(name))!.interviews);
        for (const q of quotes.quotes) {
          expect(q.codings.length).toBeGreaterThan(0);
          expect([...q.text].length).toBe(q.end - q.start);
          for (const k of q.codings) expect(k.start < q.end && q.start < k.end).toBe(true);
          const speakers = turns.filter((t) => t.documentId === q.documentId && t.start < q.end && q.start < t.end).map((t) => t.speaker);
          expect(q.speakers).toEqual([...new Set(speakers)]);
          expect(q.speakers.length).toBeGreaterThan(0);
          if (selection.kind === "agreed") expect(new Set(q.codings.map((k) => k.coderId))).toEqual(new Set([a, b]));
        }
      }
    }
  });

  it("a crosstab cell's quotes come from the cases of that category", async () => {
    const table = await getCrosstab(projectId, { kind: "any" }, attribute("sector"));
    const category = caseCategories(rows, attribute("sector"));
    const cost = table.rows.find((r) => r.name === "Cost versus value")!;
    for (const cell of cost.cells) {
      const quotes = await getCellQuotes(projectId, { kind: "any" }, { kind: "category", codeId: cost.codeId, attributeId: attribute("sector"), category: cell.category });
      expect(new Set(quotes.quotes.map((q) => q.caseId)).size).toBe(cell.cases);
      for (const q of quotes.quotes) expect(category.get(q.caseId!)).toBe(cell.category);
    }
  });

  it("a co-occurrence cell's quotes are the overlaps (passages) or both codes' passages in shared interviews", async () => {
    const matrix = await getCoOccurrence(projectId, { kind: "any" });
    const cell = [...matrix.cells].sort((x, y) => y.passages - x.passages)[0];
    const passages = await getCellQuotes(projectId, { kind: "any" }, { kind: "pair", codeIds: cell.codeIds, scope: "passages" });
    expect(passages.total).toBe(cell.passages);
    for (const q of passages.quotes) expect(q.codes.map((c) => c.id)).toEqual(cell.codeIds);
    const interviews = await getCellQuotes(projectId, { kind: "any" }, { kind: "pair", codeIds: cell.codeIds, scope: "interviews" });
    expect(new Set(interviews.quotes.map((q) => q.documentId)).size).toBe(cell.interviews);
  });
});
