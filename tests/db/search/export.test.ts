import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import { loadDemoStudy } from "../../../lib/demo";
import type { Download } from "../../../lib/exports/download";
import { savedSearchDownload } from "../../../lib/search/export";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

let projectId: string;
let viewer: CurrentUser;
let savedId: string;
let texts: Map<string, string>;

beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@demo.grounded.test" }, select: { id: true, email: true, name: true } });
  savedId = (await prisma.savedSearch.create({ data: { projectId, name: "Labelling: all forms", query: { params: "q=label&mode=words" } } })).id;
  texts = new Map((await prisma.document.findMany({ where: { projectId }, select: { title: true, text: true } })).map((d) => [d.title, d.text]));
}, 120_000);

async function bytes(body: Download["body"]): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe("a saved search's matches as a file", () => {
  it("writes one CSV row per match, at its offsets, with speaker, context and the case's attributes", async () => {
    const download = await savedSearchDownload(viewer, projectId, { savedSearchId: savedId, format: "csv" });
    expect(download.fileName).toBe("search-Labelling-all-forms.csv");
    const parsed = Papa.parse<Record<string, string>>((await bytes(download.body)).toString("utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data;
    // 25 forms of "label" in the demo transcripts (tests/db/search/search.test.ts counts them).
    expect(rows).toHaveLength(25);
    for (const row of rows) {
      expect(sliceByCodePoints(texts.get(row.interview)!, Number(row.start), Number(row.end))).toBe(row.match);
      expect(row.match.toLowerCase()).toMatch(/^label(s|led|ling)?$/);
      expect(row.speaker).not.toBe("");
    }
    const attributes = await prisma.attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { name: true } });
    expect(attributes.length).toBeGreaterThan(0);
    expect(parsed.meta.fields).toEqual(["interview", "case", "speaker", "start", "end", "match", "before", "after", ...attributes.map((a) => `case: ${a.name}`)]);
    expect(rows.every((r) => r.case !== "")).toBe(true);
  });

  it("writes the same rows to a workbook that opens", async () => {
    const download = await savedSearchDownload(viewer, projectId, { savedSearchId: savedId, format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(download.body)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Matches")!;
    expect(sheet.rowCount).toBe(26);
    expect(sheet.getRow(1).getCell(6).value).toBe("match");
  });

  it("refuses another project's saved search and a stranger", async () => {
    const other = await prisma.project.create({ data: { name: "Other" } });
    const foreign = await prisma.savedSearch.create({ data: { projectId: other.id, name: "Theirs", query: { params: "q=label" } } });
    await expect(savedSearchDownload(viewer, projectId, { savedSearchId: foreign.id, format: "csv" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await prisma.user.create({ data: { email: "stranger@example.org", name: "S", passwordHash: "x" }, select: { id: true, email: true, name: true } });
    await expect(savedSearchDownload(stranger, projectId, { savedSearchId: savedId, format: "csv" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
