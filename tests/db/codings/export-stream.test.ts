import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { codingExport, csvStream, xlsxStream } from "../../../lib/codings/export";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Two interviews with codings that tie on start (and on start and end), two analysts and a deleted code. */
async function study() {
  const ana = await makeUser(prisma, { name: "Ana" });
  const ben = await makeUser(prisma, { name: "Ben" });
  const project = await makeProject(prisma, [{ userId: ana.id, role: "analyst" }, { userId: ben.id, role: "analyst" }]);
  const first = await makeDocument(prisma, project.id, "x".repeat(200));
  const second = await makeDocument(prisma, project.id, "y".repeat(200));
  await prisma.document.update({ where: { id: second.id }, data: { position: 9 } });
  const [a, b, gone] = [await makeCode(prisma, project.id, "A"), await makeCode(prisma, project.id, "B"), await makeCode(prisma, project.id, "Gone")];
  await prisma.code.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
  const rows: { documentId: string; codeId: string; coderId: string; start: number; end: number }[] = [];
  for (const document of [first, second])
    for (let i = 0; i < 40; i++)
      for (const code of [a, b, gone]) rows.push({ documentId: document.id, codeId: code.id, coderId: i % 3 === 0 ? ben.id : ana.id, start: i % 10, end: 20 + (i % 7) });
  const unique = [...new Map(rows.map((r) => [`${r.documentId}/${r.codeId}/${r.coderId}/${r.start}/${r.end}`, r])).values()];
  const text = (documentId: string) => (documentId === first.id ? "x" : "y");
  await prisma.coding.createMany({ data: unique.map((r) => ({ ...r, projectId: project.id, quote: text(r.documentId).repeat(r.end - r.start) })) });
  const expected = unique
    .filter((r) => r.codeId !== gone.id)
    .sort((p, q) => Number(p.documentId === second.id) - Number(q.documentId === second.id) || p.start - q.start || q.end - p.end);
  return { project, ana, ben, expected };
}

describe("the codings export, streamed", () => {
  it("reads every visible coding exactly once, in reading order, whatever the batch size", async () => {
    const { project, expected } = await study();
    for (const batchSize of [1, 7, 5_000]) {
      const source = await codingExport(project.id, "all", batchSize);
      const rows = [];
      for await (const batch of source.batches()) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        rows.push(...batch);
      }
      expect(rows.map((r) => [r.start, r.end])).toEqual(expected.map((r) => [r.start, r.end]));
      expect(new Set(rows.map((r) => JSON.stringify(r))).size).toBe(expected.length); // no row twice
    }
  });

  it("keeps a blind analyst's export to the codings they may see", async () => {
    const { project, ana, expected } = await study();
    const source = await codingExport(project.id, [ana.id], 3);
    const rows = [];
    for await (const batch of source.batches()) rows.push(...batch);
    expect(rows.length).toBe(expected.filter((r) => r.coderId === ana.id).length);
    expect(new Set(rows.map((r) => r.analyst))).toEqual(new Set(["Ana"]));
  });

  it("writes the same CSV a row at a time as the spreadsheet would read whole", async () => {
    const { project, expected } = await study();
    const csv = (await readAll(csvStream(await codingExport(project.id, "all", 7)))).toString("utf8");
    expect(csv.startsWith("\uFEFFdocument,case,code,code path,analyst,start,end,quote")).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(expected.length);
    expect(parsed.data.map((r) => [Number(r.start), Number(r.end)])).toEqual(expected.map((r) => [r.start, r.end]));
  });

  it("writes a workbook Excel opens, with a header and every row", async () => {
    const { project, expected } = await study();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readAll(xlsxStream(await codingExport(project.id, "all", 7)))) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Codings")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("document");
    expect(sheet.actualRowCount).toBe(expected.length + 1);
    expect(sheet.getRow(2).getCell(6).value).toBe(expected[0].start);
  });
});
