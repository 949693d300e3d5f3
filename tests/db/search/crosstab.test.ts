import { beforeAll, describe, expect, it } from "vitest";
import { getCrosstab } from "../../../lib/analysis/breakdowns-data";
import { DEFAULT_CODER_SELECTION } from "../../../lib/analysis/coder-selection";
import { loadDemoStudy } from "../../../lib/demo";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { searchCrosstabRow } from "../../../lib/search/crosstab";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

describe("a saved search as a row of the themes-by-case table", () => {
  let projectId: string;
  beforeAll(async () => {
    ({ projectId } = await loadDemoStudy(prisma));
  }, 120_000);

  it("counts, per category, the cases with a hit and the hits, as a plain count over the transcripts does", async () => {
    const owner = await prisma.membership.findFirstOrThrow({ where: { projectId, role: "owner" } });
    const saved = await prisma.savedSearch.create({ data: { projectId, name: "Labelling", query: { params: "q=label&mode=words" }, createdById: owner.userId } });
    const attribute = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, type: "category" }, orderBy: { position: "asc" } });
    const crosstab = await getCrosstab(projectId, DEFAULT_CODER_SELECTION, attribute.id);
    const row = await searchCrosstabRow(projectId, saved.id, attribute.id, crosstab.categories, OPERATOR_SCOPE);

    const documents = await prisma.document.findMany({ where: { projectId }, select: { text: true, case: { select: { id: true, values: { where: { attributeId: attribute.id }, select: { textValue: true } } } } } });
    const want = new Map<string | null, { cases: Set<string>; hits: number }>();
    for (const d of documents) {
      const n = d.text.match(/\blabel(s|led|ling)?\b/gi)?.length ?? 0;
      if (n === 0 || !d.case) continue;
      const category = d.case.values[0]?.textValue ?? null;
      const cell = want.get(category) ?? want.set(category, { cases: new Set(), hits: 0 }).get(category)!;
      cell.cases.add(d.case.id);
      cell.hits += n;
    }
    expect(row.hits).toBe(25);
    expect(row.cells.map((c) => c.category)).toEqual(crosstab.categories.map((k) => k.value));
    for (const cell of row.cells) {
      expect({ category: cell.category, cases: cell.cases, hits: cell.hits }).toEqual({ category: cell.category, cases: want.get(cell.category)?.cases.size ?? 0, hits: want.get(cell.category)?.hits ?? 0 });
    }
    expect(row.cells.some((c) => c.cases > 0 && c.share! > 0 && c.share! <= 1)).toBe(true);
  });

  it("refuses another project's saved search as not found", async () => {
    const other = await prisma.project.create({ data: { name: "Other" } });
    const foreign = await prisma.savedSearch.create({ data: { projectId: other.id, name: "Theirs", query: { params: "q=label" } } });
    const attribute = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, type: "category" } });
    await expect(searchCrosstabRow(projectId, foreign.id, attribute.id, [{ value: "x", label: "x", cases: 1 }], OPERATOR_SCOPE)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
