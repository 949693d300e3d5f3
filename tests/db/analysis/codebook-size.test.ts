import { beforeAll, describe, expect, it } from "vitest";
import { CO_OCCURRENCE_CODES, getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { coOccurrenceCsv } from "../../../lib/analysis/co-occurrence-csv";
import { getThemeSummaries } from "../../../lib/analysis/data";
import { pageOf, ROWS_PER_PAGE, THEMES_PER_PAGE } from "../../../lib/analysis/paging";
import { panelRows } from "../../../lib/codes/panel-rows";
import { flattenCodeTree } from "../../../lib/codes/tree";
import { getWorkspace } from "../../../lib/codings/data";
import { generateLargeCodebook } from "../../../scripts/bench/large-codebook";
import { useTestDatabase } from "../helpers/test-database";

// Issue 13.3: a project of 10,000 codes (three levels, codings over most of them) must not
// make any page grow with codes x codes or send the whole codebook's text: what each page
// takes from these reads is bounded. (Timings are npm run bench:codebook's.)

const { prisma } = await useTestDatabase();
const TAG = "big";
let projectId = "";
const any = { kind: "any" } as const;

beforeAll(async () => {
  ({ projectId } = await generateLargeCodebook(prisma, { tag: TAG, codes: 10_000, documents: 12, codings: 4_000, passwordHash: "x" }));
}, 300_000);

describe("a codebook of 10,000 codes", () => {
  it("has them", async () => {
    expect(await prisma.code.count({ where: { projectId } })).toBeGreaterThanOrEqual(10_000);
  });

  it("the co-occurrence matrix holds the most frequent codes only, and says how many it leaves out", async () => {
    const matrix = await getCoOccurrence(projectId, any);
    expect(matrix.codes).toHaveLength(CO_OCCURRENCE_CODES);
    expect(matrix.cells.length).toBeLessThanOrEqual((CO_OCCURRENCE_CODES * (CO_OCCURRENCE_CODES - 1)) / 2);
    expect(matrix.coded).toBeGreaterThan(1000);
    expect(matrix.omitted).toBe(matrix.coded - CO_OCCURRENCE_CODES);
    // The most frequent: no code left out is in more interviews than the least frequent shown.
    const summaries = await getThemeSummaries(projectId, any, "all");
    const own = new Map(summaries.rows.map((r) => [r.codeId, r]));
    const shown = new Set(matrix.codes.map((c) => c.codeId));
    const interviews = await prisma.$queryRaw<{ code_id: string; n: number }[]>`
      SELECT "codeId" AS code_id, count(DISTINCT "documentId")::int AS n FROM "PassageSet" WHERE "projectId" = ${projectId} GROUP BY 1`;
    const least = Math.min(...interviews.filter((r) => shown.has(r.code_id)).map((r) => r.n));
    expect(interviews.filter((r) => !shown.has(r.code_id)).every((r) => r.n <= least)).toBe(true);
    // Cells only between shown codes.
    for (const cell of matrix.cells) for (const id of cell.codeIds) expect(shown.has(id) && own.has(id)).toBe(true);
  });

  it("the full list of pairs is a CSV that stops at its cap and says so", async () => {
    const csv = await coOccurrenceCsv(projectId, any, 1000);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("code A path");
    expect(lines).toHaveLength(1 + 1000 + 1);
    expect(lines.at(-1)).toContain("more pairs co-occur than one download holds");
    // Most interviews first.
    const counts = lines.slice(1, -1).map((l) => Number(l.split(",").at(-2)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("the summaries and the crosstab are shown a page of themes at a time", async () => {
    const summaries = await getThemeSummaries(projectId, any, "all");
    const page = pageOf(summaries.rows, "3");
    expect(page.rows).toHaveLength(ROWS_PER_PAGE);
    expect(page.pages).toBe(Math.ceil(summaries.rows.length / ROWS_PER_PAGE));
    expect(pageOf(summaries.rows, "999999").page).toBe(page.pages);
    expect(pageOf(summaries.rows, "nonsense").page).toBe(1);
    const crosstab = await getCrosstab(projectId, any, `${TAG}-sector`);
    expect(pageOf(crosstab.rows, "2").rows).toHaveLength(ROWS_PER_PAGE);
  });

  it("a page's per-analyst figures, read for its themes only, equal those read for every theme", async () => {
    const all = await getThemeSummaries(projectId, any, "all");
    for (const wanted of ["1", "2", "999999"]) {
      const ids = pageOf(all.rows, wanted, THEMES_PER_PAGE).rows.map((r) => r.codeId);
      const some = await getThemeSummaries(projectId, any, "all", null, ids);
      const only = new Set(ids);
      expect(some.rows.filter((r) => only.has(r.codeId))).toEqual(all.rows.filter((r) => only.has(r.codeId)));
      expect(some.rows.filter((r) => !only.has(r.codeId)).every((r) => r.byCoder.length === 0)).toBe(true);
      expect(some.rows.map(({ byCoder: _, ...r }) => r)).toEqual(all.rows.map(({ byCoder: _, ...r }) => r));
    }
  });

  it("the transcript's codebook sends no definitions, opens collapsed and searches every code", async () => {
    const owner = { id: `${TAG}-owner`, role: "owner" as const };
    const workspace = (await getWorkspace(projectId, `${TAG}-doc-1`, owner))!;
    expect(workspace.codes.length).toBeGreaterThanOrEqual(10_000);
    // Definitions are read when a code is opened (tests/db/codings/workspace-size.test.ts holds the page's bytes).
    for (const c of workspace.codes) expect(Object.keys(c).sort()).toEqual(["colour", "id", "name", "parentId", "position", "shortcut"]);

    const tree = flattenCodeTree(workspace.codes);
    const closed = panelRows(tree, { expanded: new Set(), query: "" });
    expect(closed.collapsible).toBe(true);
    expect(closed.rows.every((c) => c.depth === 0)).toBe(true);
    const root = closed.rows[0];
    const opened = panelRows(tree, { expanded: new Set([root.id]), query: "" });
    expect(opened.rows.length).toBe(closed.rows.length + root.childCount);
    // Every match is listed (the panel draws only the rows in view: lib/codes/window.ts).
    const search = panelRows(tree, { expanded: new Set(), query: "Code 1" });
    expect(search.rows.length).toBe(tree.filter((c) => c.name.toLowerCase().includes("code 1")).length);
    expect(search.rows.length).toBeGreaterThan(300);
  });
});
