import { beforeAll, describe, expect, it } from "vitest";
import type { CoderSelection } from "../../../lib/analysis/coder-selection";
import { getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { getThemeSummaries, interviewCoverage, themeFigures } from "../../../lib/analysis/data";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { referenceCoOccurrence, referenceCrosstab, referenceThemeFigures } from "../../../lib/analysis/reference";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { loadRows } from "./rows";

const { prisma } = await useTestDatabase();

// An emoji first, so a UTF-16 slip would shift every quote.
const TEXT = "🙂" + "abcdefghij".repeat(20);

/**
 * A small project built to hit every edge: overlapping and touching spans, one analyst's
 * overlapping codings, identical spans by two analysts, a grandchild code, an unused code,
 * a deleted code with codings, a live code under a deleted parent, a case without
 * documents, a document without a case and a case without a category.
 */
async function world() {
  const ana = await makeUser(prisma, { name: "Ana" });
  const ben = await makeUser(prisma, { name: "Ben" });
  const vic = await makeUser(prisma, { name: "Vic" });
  const project = await makeProject(prisma, [
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  const projectId = project.id;
  const attr = (name: string, type: "category" | "number" | "boolean", categories: string[] = []) =>
    prisma.attributeDefinition.create({ data: { projectId, name, type, categories } });
  const sector = await attr("sector", "category", ["x", "y"]);
  const weight = await attr("weight", "number");
  const flag = await attr("flag", "boolean");
  const kase = async (name: string, values: { sector?: string; weight: number; flag?: boolean }) => {
    const c = await prisma.case.create({ data: { projectId, name } });
    await prisma.attributeValue.createMany({
      data: [
        ...(values.sector ? [{ projectId, caseId: c.id, attributeId: sector.id, textValue: values.sector }] : []),
        { projectId, caseId: c.id, attributeId: weight.id, numberValue: values.weight },
        ...(values.flag !== undefined ? [{ projectId, caseId: c.id, attributeId: flag.id, booleanValue: values.flag }] : []),
      ],
    });
    return c;
  };
  const c1 = await kase("C1", { sector: "x", weight: 10, flag: true });
  const c2 = await kase("C2", { sector: "y", weight: 5, flag: false });
  const c3 = await kase("C3 (no documents)", { sector: "x", weight: 7 });
  const c4 = await kase("C4 (no sector)", { weight: 1 });
  const doc = async (caseId: string | null) => {
    const d = await makeDocument(prisma, projectId, TEXT);
    return caseId ? prisma.document.update({ where: { id: d.id }, data: { caseId } }) : d;
  };
  const [d1, d2, d3, d4] = [await doc(c1.id), await doc(c2.id), await doc(c4.id), await doc(null)];
  const code = (name: string, parentId: string | null = null, deletedAt: Date | null = null) =>
    prisma.code.create({ data: { projectId, name, parentId, deletedAt } });
  const P = await code("P");
  const K1 = await code("K1", P.id);
  const G = await code("G", K1.id);
  const K2 = await code("K2", P.id);
  const E = await code("E (unused)");
  const X = await code("X (deleted)", null, new Date());
  const Y = await code("Y (deleted parent)", null, new Date());
  const Z = await code("Z (under a deleted parent)", Y.id);
  const coding = (documentId: string, codeId: string, coderId: string, start: number, end: number) =>
    prisma.coding.create({ data: { projectId, documentId, codeId, coderId, start, end, quote: sliceByCodePoints(TEXT, start, end) } });
  await coding(d1.id, K1.id, ana.id, 0, 10);
  await coding(d1.id, K1.id, ana.id, 5, 15);
  await coding(d1.id, K1.id, ben.id, 12, 20);
  await coding(d1.id, K1.id, ana.id, 20, 25);
  await coding(d1.id, K1.id, ben.id, 25, 30);
  await coding(d1.id, G.id, ana.id, 3, 8);
  await coding(d1.id, K2.id, ana.id, 100, 110);
  await coding(d2.id, K2.id, ben.id, 0, 50);
  await coding(d2.id, K2.id, ana.id, 10, 20);
  await coding(d2.id, K2.id, ana.id, 30, 40);
  await coding(d2.id, G.id, ana.id, 0, 5);
  await coding(d3.id, X.id, ana.id, 0, 5);
  await coding(d3.id, Z.id, ana.id, 0, 5);
  await coding(d4.id, K1.id, ben.id, 0, 5);
  await coding(d4.id, K1.id, ana.id, 0, 5);
  return { ana, ben, vic, projectId, sector, weight, flag, cases: { c1, c2, c3, c4 }, docs: { d1, d2, d3, d4 }, codes: { P, K1, G, K2, E, X, Y, Z } };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const fig = (passages: number, ownPassages: number, interviews: number, cases: number, weighted: number | null, siblingRank: number) => ({
  passages,
  ownPassages,
  interviews,
  cases,
  weighted,
  siblingRank,
});

describe("theme figures on hand-made edge cases", () => {
  it("any analyst: merges overlapping spans, keeps touching ones apart, rolls up without counting an interview twice", async () => {
    const figures = await themeFigures(w.projectId, { kind: "any" }, w.weight.id);
    const { P, K1, G, K2, E, X, Y, Z } = w.codes;
    // K1's own: d1 [0,20) [20,25) [25,30) and d4 [0,5) coded by both = one passage; plus its sub-code G's two.
    expect(figures.get(K1.id)).toEqual(fig(6, 4, 3, 2, 15, 1));
    expect(figures.get(G.id)).toEqual(fig(2, 2, 2, 2, 15, 1));
    expect(figures.get(K2.id)).toEqual(fig(2, 2, 2, 2, 15, 2));
    expect(figures.get(P.id)).toEqual(fig(8, 0, 3, 2, 15, 1)); // d1, d2, d4; d4 has no case
    expect(figures.get(E.id)).toEqual(fig(0, 0, 0, 0, 0, 3));
    expect(figures.get(Z.id)).toEqual(fig(1, 1, 1, 1, 1, 2)); // top level: its parent is deleted
    expect(figures.has(X.id)).toBe(false);
    expect(figures.has(Y.id)).toBe(false);
  });

  it("one analyst, and only what both agreed on (the intersections of their passages)", async () => {
    const { P, K1, G, K2, Z } = w.codes;
    const ana = await themeFigures(w.projectId, { kind: "coder", coderId: w.ana.id }, null);
    expect([K1, G, K2, P, Z].map((c) => ana.get(c.id)!.passages)).toEqual([5, 2, 3, 8, 1]); // K1: d1 [0,15) [20,25), d4, and G's two
    const agreed = await themeFigures(w.projectId, { kind: "agreed", coderIds: [w.ana.id, w.ben.id] }, null);
    expect(agreed.get(K1.id)).toEqual(fig(2, 2, 2, 1, null, 1)); // d1 [12,15); d4 [0,5)
    expect(agreed.get(G.id)).toEqual(fig(0, 0, 0, 0, null, 1)); // Ben never used it
    expect(agreed.get(K2.id)).toEqual(fig(2, 2, 1, 1, null, 2)); // d2 [10,20) [30,40)
    expect(agreed.get(P.id)).toEqual(fig(4, 0, 3, 2, null, 1));
  });

  it("SQL equals the TypeScript reference under every selection, both ways round", async () => {
    const rows = await loadRows(prisma, w.projectId);
    const selections: CoderSelection[] = [
      { kind: "any" },
      { kind: "coder", coderId: w.ana.id },
      { kind: "coder", coderId: w.ben.id },
      { kind: "agreed", coderIds: [w.ana.id, w.ben.id] },
      { kind: "agreed", coderIds: [w.ben.id, w.ana.id] },
    ];
    for (const selection of selections) {
      expect(Object.fromEntries(await themeFigures(w.projectId, selection, w.weight.id))).toEqual(Object.fromEntries(referenceThemeFigures(rows, selection, w.weight.id)));
      expect((await getCoOccurrence(w.projectId, selection)).cells).toEqual(referenceCoOccurrence(rows, selection));
      const table = await getCrosstab(w.projectId, selection, w.sector.id);
      const reference = referenceCrosstab(rows, selection, w.sector.id);
      for (const row of table.rows) for (const cell of row.cells) expect(cell.cases).toBe(reference.get(row.codeId)!.get(cell.category) ?? 0);
    }
  });

  it("summaries: shares over every document and case, the weight over every case, per-analyst counts", async () => {
    const summary = await getThemeSummaries(w.projectId, { kind: "any" }, "all", w.weight.id);
    expect(summary.totals).toEqual({ documents: 4, cases: 4, weight: { attributeId: w.weight.id, name: "weight", total: 23 } });
    // Siblings by position, then name: all positions are 0 here.
    expect(summary.rows.map((r) => [r.name, r.depth])).toEqual([
      ["E (unused)", 0],
      ["P", 0],
      ["K1", 1],
      ["G", 2],
      ["K2", 1],
      ["Z (under a deleted parent)", 0],
    ]);
    const p = summary.rows.find((r) => r.name === "P")!;
    expect([p.interviewShare, p.caseShare, p.weightedShare]).toEqual([3 / 4, 2 / 4, 15 / 23]);
    expect(summary.coders.map((c) => c.name)).toEqual(["Ana", "Ben"]); // not Vic, a viewer
    expect(p.byCoder.map((c) => [c.passages, c.interviews])).toEqual([
      [8, 3],
      [4, 3],
    ]);
  });
});

describe("breakdowns on hand-made edge cases", () => {
  it("crosstab: categories in order, a case without documents counts in its category, cases without a value get a column", async () => {
    const table = await getCrosstab(w.projectId, { kind: "any" }, w.sector.id);
    expect(table.categories).toEqual([
      { value: "x", label: "x", cases: 2 },
      { value: "y", label: "y", cases: 1 },
      { value: null, label: "(no value)", cases: 1 },
    ]);
    const row = (id: string) => table.rows.find((r) => r.codeId === id)!.cells.map((c) => [c.cases, c.share]);
    expect(row(w.codes.P.id)).toEqual([
      [1, 0.5],
      [1, 1],
      [0, 0],
    ]);
    expect(row(w.codes.Z.id)).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    const byFlag = await getCrosstab(w.projectId, { kind: "any" }, w.flag.id);
    expect(byFlag.categories.map((c) => [c.value, c.cases])).toEqual([
      ["yes", 1],
      ["no", 1],
      [null, 2],
    ]);
  });

  it("co-occurrence: shared interviews, and overlapping passages (0 when they only share the interview)", async () => {
    const { K1, G, K2 } = w.codes;
    const cells = (await getCoOccurrence(w.projectId, { kind: "any" })).cells;
    const cell = (x: string, y: string) => cells.find((c) => c.codeIds.includes(x) && c.codeIds.includes(y));
    expect(cell(K1.id, G.id)).toMatchObject({ interviews: 1, passages: 1 });
    expect(cell(K2.id, G.id)).toMatchObject({ interviews: 2, passages: 1 });
    expect(cell(K1.id, K2.id)).toMatchObject({ interviews: 1, passages: 0 });
    expect(cells).toHaveLength(3);
  });

  it("interview coverage for findings, within a set of cases", async () => {
    const { P, K2, E } = w.codes;
    const all = await interviewCoverage(w.projectId, { kind: "any" }, [P.id, K2.id, E.id], null);
    expect(all.documents).toBe(4);
    expect(Object.fromEntries(all.interviews)).toEqual({ [P.id]: 3, [K2.id]: 2, [E.id]: 0 });
    const some = await interviewCoverage(w.projectId, { kind: "any" }, [P.id], [w.cases.c2.id, w.cases.c3.id]);
    expect(some.documents).toBe(1);
    expect(some.interviews.get(P.id)).toBe(1);
  });
});

describe("quotes behind the numbers on hand-made edge cases", () => {
  it("an agreed passage is the overlap, with the codings of both analysts that reach into it", async () => {
    const quotes = await getCellQuotes(w.projectId, { kind: "agreed", coderIds: [w.ana.id, w.ben.id] }, { kind: "code", codeId: w.codes.K1.id });
    expect(quotes.total).toBe(2);
    const [first] = quotes.quotes.filter((q) => q.documentId === w.docs.d1.id);
    expect([first.start, first.end, first.text]).toEqual([12, 15, sliceByCodePoints(TEXT, 12, 15)]);
    expect(first.codings.map((k) => [k.coderName, k.start, k.end])).toEqual([
      ["Ana", 5, 15],
      ["Ben", 12, 20],
    ]);
    expect(first.caseName).toBe("C1");
  });

  it("filters by case attributes, and limits the list while giving the total", async () => {
    const filtered = await getCellQuotes(w.projectId, { kind: "any" }, { kind: "code", codeId: w.codes.P.id, filter: [{ attributeId: w.sector.id, op: "eq", value: "y" }] });
    expect(filtered.quotes.map((q) => q.documentId)).toEqual([w.docs.d2.id, w.docs.d2.id]);
    const limited = await getCellQuotes(w.projectId, { kind: "any" }, { kind: "code", codeId: w.codes.P.id }, 3);
    expect([limited.total, limited.quotes.length]).toEqual([8, 3]);
  });

  it("refuses a deleted code, another project's attribute, an unknown analyst and a number attribute to break down by", async () => {
    const other = await makeProject(prisma);
    const foreign = await prisma.attributeDefinition.create({ data: { projectId: other.id, name: "sector", type: "category" } });
    await expect(getCellQuotes(w.projectId, { kind: "any" }, { kind: "code", codeId: w.codes.X.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCrosstab(w.projectId, { kind: "any" }, foreign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCrosstab(w.projectId, { kind: "any" }, w.weight.id)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getThemeSummaries(w.projectId, { kind: "coder", coderId: w.vic.id }, "all")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getThemeSummaries(w.projectId, { kind: "any" }, "all", w.sector.id)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("moves with the data: a coding added or deleted shows on the next read (nothing cached)", async () => {
    const before = (await themeFigures(w.projectId, { kind: "any" }, null)).get(w.codes.E.id)!;
    const added = await prisma.coding.create({
      data: { projectId: w.projectId, documentId: w.docs.d2.id, codeId: w.codes.E.id, coderId: w.ben.id, start: 60, end: 70, quote: sliceByCodePoints(TEXT, 60, 70) },
    });
    expect((await themeFigures(w.projectId, { kind: "any" }, null)).get(w.codes.E.id)).toMatchObject({ passages: before.passages + 1, interviews: 1 });
    await prisma.coding.delete({ where: { id: added.id } });
    expect((await themeFigures(w.projectId, { kind: "any" }, null)).get(w.codes.E.id)).toEqual(before);
  });
});
