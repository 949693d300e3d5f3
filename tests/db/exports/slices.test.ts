import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import { loadDemoStudy } from "../../../lib/demo";
import { AppError } from "../../../lib/errors";
import { exportChoices } from "../../../lib/exports/data";
import { sliceDownload, type Download } from "../../../lib/exports/download";
import { themeQuotes, themeQuotesDownload } from "../../../lib/exports/theme-quotes";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

/**
 * Slice exports over the demo study: each file's rows are compared with the same codings
 * found by a plain Prisma filter written here, then read back as a spreadsheet or a Word
 * document would be.
 */

type Coding = { documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string };
let projectId: string;
let owner: CurrentUser;
let anaA: CurrentUser;
let vic: CurrentUser;
let codings: Coding[];
let documents: Map<string, { title: string; caseId: string | null }>;
let names: Map<string, string>;
let codes: { id: string; name: string; parentId: string | null }[];

beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  [owner, anaA, vic] = await Promise.all(["owner", "analyst-a", "viewer"].map((who) => user(`${who}@demo.grounded.test`)));
  codings = await prisma.coding.findMany({ where: { projectId, code: { deletedAt: null } }, select: { documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true } });
  documents = new Map((await prisma.document.findMany({ where: { projectId }, select: { id: true, title: true, caseId: true } })).map((d) => [d.id, d]));
  names = new Map((await prisma.user.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  codes = await prisma.code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, name: true, parentId: true } });
}, 120_000);

async function bytes(body: Download["body"]): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function csvRows(user: CurrentUser, query: Record<string, string>, project = projectId) {
  const download = await sliceDownload(user, project, { ...query, format: "csv" });
  const parsed = Papa.parse<Record<string, string>>((await bytes(download.body)).toString("utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { download, rows: parsed.data };
}

const key = (r: { document: string; start: string | number; end: string | number; analyst: string }) => `${r.document}|${r.start}|${r.end}|${r.analyst}`;
const expectedKeys = (list: Coding[]) => list.map((c) => key({ document: documents.get(c.documentId)!.title, start: c.start, end: c.end, analyst: names.get(c.coderId)! })).sort();
const rowKeys = (rows: Record<string, string>[]) => rows.map((r) => key({ document: r.document, start: r.start, end: r.end, analyst: r.analyst })).sort();

/** Distinct coded passages: the same span of the same interview counts once. */
const passages = (list: Coding[]) => new Set(list.map((c) => `${c.documentId}:${c.start}:${c.end}`)).size;

function subtree(rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) grew = Boolean(ids.add(c.id));
  }
  return ids;
}

/** A code with sub-codes, where the parent and the children both have codings. */
function parentCode() {
  const parent = codes.find((c) => subtree(c.id).size > 1 && codings.some((k) => k.codeId !== c.id && subtree(c.id).has(k.codeId)));
  expect(parent).toBeDefined();
  return parent!;
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "answered";
}

describe("codings exports per slice, over the demo study", () => {
  it("one code: its own codings, or with sub-codes its whole subtree's", async () => {
    const parent = parentCode();
    const own = await csvRows(owner, { slice: "code", id: parent.id });
    expect(rowKeys(own.rows)).toEqual(expectedKeys(codings.filter((c) => c.codeId === parent.id)));
    const tree = subtree(parent.id);
    const all = await csvRows(owner, { slice: "code", id: parent.id, subcodes: "1" });
    const want = codings.filter((c) => tree.has(c.codeId));
    expect(want.length).toBeGreaterThan(own.rows.length);
    expect(rowKeys(all.rows)).toEqual(expectedKeys(want));
    expect(new Set(all.rows.map((r) => r.code))).toEqual(new Set(want.map((c) => codes.find((x) => x.id === c.codeId)!.name)));
    expect(all.download.fileName).toMatch(/^codings-[A-Za-z0-9._-]+-with-sub-codes\.csv$/);
  });

  it("one document, one case, and the cases with one attribute value", async () => {
    const [documentId] = [...documents.keys()];
    const byDocument = await csvRows(owner, { slice: "document", id: documentId });
    expect(byDocument.rows.length).toBeGreaterThan(0);
    expect(rowKeys(byDocument.rows)).toEqual(expectedKeys(codings.filter((c) => c.documentId === documentId)));

    const caseId = documents.get(documentId)!.caseId!;
    const byCase = await csvRows(owner, { slice: "case", id: caseId });
    expect(rowKeys(byCase.rows)).toEqual(expectedKeys(codings.filter((c) => documents.get(c.documentId)!.caseId === caseId)));

    const sector = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, type: "category" }, select: { id: true, name: true, categories: true } });
    const value = sector.categories[0];
    const cases = new Set((await prisma.attributeValue.findMany({ where: { attributeId: sector.id, textValue: value }, select: { caseId: true } })).map((v) => v.caseId));
    const byValue = await csvRows(owner, { slice: "attribute", id: sector.id, value });
    const want = codings.filter((c) => cases.has(documents.get(c.documentId)!.caseId ?? ""));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(codings.length);
    expect(rowKeys(byValue.rows)).toEqual(expectedKeys(want));
    // Case attributes are columns of their own, and here every row carries the value asked for.
    expect(byValue.rows.every((r) => r[`case: ${sector.name}`] === value)).toBe(true);
  });

  it("writes the slice as a workbook with the same rows and the case attributes as columns", async () => {
    const parent = parentCode();
    const download = await sliceDownload(owner, projectId, { slice: "code", id: parent.id, subcodes: "1", format: "xlsx" });
    expect(download.fileName.endsWith(".xlsx")).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(download.body)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Codings")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(["document", "case", "code", "code path", "analyst"]);
    expect(header.some((h) => h.startsWith("case: "))).toBe(true);
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i + 1).value ?? "")])));
    });
    const tree = subtree(parent.id);
    expect(rowKeys(rows)).toEqual(expectedKeys(codings.filter((c) => tree.has(c.codeId))));
  });

  it("writes a theme's quotes as a Word document, grouped by interview, citing speaker and turn, without analysts unless asked", async () => {
    const parent = parentCode();
    const tree = subtree(parent.id);
    const want = codings.filter((c) => tree.has(c.codeId));
    const download = await themeQuotesDownload(owner, projectId, { codeId: parent.id, subcodes: "1" });
    expect(download.fileName).toMatch(/^quotes-[A-Za-z0-9._-]+\.docx$/);
    const xml = new TextDecoder().decode(unzipSync(await bytes(download.body))["word/document.xml"]);
    const text = wordText(xml);
    expect(text[0]).toBe(parent.name);
    // One citation per passage (a passage both analysts coded is quoted once), each naming its interview and the turn.
    const citations = text.filter((t) => t.startsWith("— "));
    expect(passages(want)).toBeLessThan(want.length);
    expect(citations).toHaveLength(passages(want));
    expect(citations.every((c) => /, ¶ \d+/.test(c))).toBe(true);
    for (const c of want) expect(text.join("\n")).toContain(c.quote.split("\n")[0]);
    const interviews = new Set(want.map((c) => documents.get(c.documentId)!.title));
    expect(text.filter((t) => [...interviews].some((title) => t === title || t.startsWith(`${title} (`)))).toHaveLength(interviews.size);
    for (const name of ["Ana Analyst (A)", "Ben Analyst (B)"]) expect(xml).not.toContain(name);

    const named = await themeQuotesDownload(owner, projectId, { codeId: parent.id, subcodes: "1", coders: "1" });
    const namedText = wordText(new TextDecoder().decode(unzipSync(await bytes(named.body))["word/document.xml"])).join("\n");
    expect(namedText).toContain("coded by Ana Analyst (A), Ben Analyst (B)");
  });
});

describe("a theme's quotes, read a batch at a time", () => {
  it("reads each visible coding once, in reading order, whatever the batch size, and writes the same document", async () => {
    const parent = parentCode();
    const tree = [...subtree(parent.id)];
    const want = codings.filter((c) => tree.includes(c.codeId));
    const seen: string[] = [];
    const order: [string, number, number][] = [];
    for await (const { document, quotes } of themeQuotes(projectId, tree, "all", 3)) {
      expect(quotes.length).toBeLessThanOrEqual(3);
      seen.push(...quotes.map((q) => q.id));
      order.push(...quotes.map((q): [string, number, number] => [document.id, q.start, -q.end]));
    }
    for (let i = 1; i < order.length; i++) {
      const [[d0, s0, e0], [d1, s1, e1]] = [order[i - 1], order[i]];
      if (d0 === d1) expect(s0 < s1 || (s0 === s1 && e0 <= e1)).toBe(true);
    }
    // Each interview's quotes come together, once.
    const runs = order.filter(([d], i) => i === 0 || order[i - 1][0] !== d).length;
    expect(runs).toBe(new Set(order.map(([d]) => d)).size);
    expect(seen).toHaveLength(want.length);
    expect(new Set(seen).size).toBe(want.length);
    // Merging a passage's codings works across batch boundaries too: batch size 1 gives the same file.
    const text = async (batchSize?: number) => {
      const download = await themeQuotesDownload(owner, projectId, { codeId: parent.id, subcodes: "1", coders: "1" }, batchSize);
      return wordText(new TextDecoder().decode(unzipSync(await bytes(download.body))["word/document.xml"]));
    };
    expect(await text(1)).toEqual(await text());
  });
});

describe("the exports page's choices", () => {
  it("offer every code as a tree, every interview and case, and the values cases have", async () => {
    const choices = await exportChoices(projectId);
    expect(choices.codes.map((c) => c.id).sort()).toEqual(codes.map((c) => c.id).sort());
    // A child comes right after its parent's branch starts, one level deeper.
    for (const [i, c] of choices.codes.entries()) {
      const parentId = codes.find((x) => x.id === c.id)!.parentId;
      if (parentId) expect(choices.codes.slice(0, i).find((x) => x.id === parentId)!.depth).toBe(c.depth - 1);
    }
    expect(choices.documents).toHaveLength(documents.size);
    expect(choices.cases).toHaveLength(await prisma.case.count({ where: { projectId } }));
    const sector = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, type: "category" }, select: { id: true, categories: true } });
    expect(choices.attributes.find((a) => a.id === sector.id)!.values).toEqual(sector.categories);
  });
});

describe("who may export what", () => {
  it("in a blind project an analyst exports only their own codings and a viewer none", async () => {
    await prisma.project.update({ where: { id: projectId }, data: { blindCoding: true } });
    try {
      const parent = parentCode();
      const tree = subtree(parent.id);
      const mine = await csvRows(anaA, { slice: "code", id: parent.id, subcodes: "1" });
      const want = codings.filter((c) => tree.has(c.codeId) && c.coderId === anaA.id);
      expect(want.length).toBeGreaterThan(0);
      expect(rowKeys(mine.rows)).toEqual(expectedKeys(want));
      expect((await csvRows(vic, { slice: "code", id: parent.id, subcodes: "1" })).rows).toEqual([]);

      const quotes = await themeQuotesDownload(anaA, projectId, { codeId: parent.id, subcodes: "1", coders: "1" });
      const text = wordText(new TextDecoder().decode(unzipSync(await bytes(quotes.body))["word/document.xml"]));
      expect(text.filter((t) => t.startsWith("— "))).toHaveLength(passages(want));
      expect(text.join("\n")).not.toContain("Ben Analyst (B)");
    } finally {
      await prisma.project.update({ where: { id: projectId }, data: { blindCoding: false } });
    }
  });

  it("refuses ids of another project, non-members and malformed requests", async () => {
    const stranger = await makeUser(prisma);
    const other = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    const foreignCode = await makeCode(prisma, other.id);
    const foreignDocument = await makeDocument(prisma, other.id);
    const foreignCase = await prisma.case.create({ data: { projectId: other.id, name: "Elsewhere" } });
    const foreignAttribute = await prisma.attributeDefinition.create({ data: { projectId: other.id, name: "size", type: "text" } });
    const [ownCode] = codes;
    for (const query of [
      { slice: "code", id: foreignCode.id },
      { slice: "document", id: foreignDocument.id },
      { slice: "case", id: foreignCase.id },
      { slice: "attribute", id: foreignAttribute.id, value: "x" },
    ]) expect(await refusal(() => sliceDownload(owner, projectId, { ...query, format: "csv" }))).toBe("NOT_FOUND");
    expect(await refusal(() => themeQuotesDownload(owner, projectId, { codeId: foreignCode.id }))).toBe("NOT_FOUND");
    // A deleted code is gone from exports as from everywhere else.
    await prisma.code.update({ where: { id: foreignCode.id }, data: { deletedAt: new Date() } });
    expect(await refusal(() => sliceDownload(owner, other.id, { slice: "code", id: foreignCode.id, format: "csv" }))).toBe("NOT_FOUND");
    // Not a member: the same answer as for a project that does not exist.
    expect(await refusal(() => sliceDownload(stranger, projectId, { slice: "code", id: ownCode.id, format: "csv" }))).toBe("NOT_FOUND");
    expect(await refusal(() => themeQuotesDownload(stranger, projectId, { codeId: ownCode.id }))).toBe("NOT_FOUND");
    for (const query of [{ slice: "code", id: ownCode.id, format: "pdf" }, { slice: "everything", id: ownCode.id, format: "csv" }, { slice: "attribute", id: ownCode.id, format: "csv" }, { slice: "code", format: "csv" }])
      expect(await refusal(() => sliceDownload(owner, projectId, query))).toBe("VALIDATION");
    const sector = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, type: "number" }, select: { id: true } });
    expect(await refusal(() => sliceDownload(owner, projectId, { slice: "attribute", id: sector.id, value: "many", format: "csv" }))).toBe("VALIDATION");
  });

  it("keeps text a spreadsheet would run as text, in CSV and XLSX", async () => {
    const ana = await makeUser(prisma, { name: "=Ana" });
    const project = await makeProject(prisma, [{ userId: ana.id, role: "analyst" }]);
    const document = await makeDocument(prisma, project.id, '=HYPERLINK("http://evil.example","x") said the respondent');
    const code = await makeCode(prisma, project.id, "@SUM(A1)");
    await prisma.coding.create({ data: { projectId: project.id, documentId: document.id, codeId: code.id, coderId: ana.id, start: 0, end: 37, quote: '=HYPERLINK("http://evil.example","x")' } });
    const user = { id: ana.id, email: ana.email, name: ana.name };
    const csv = (await bytes((await sliceDownload(user, project.id, { slice: "code", id: code.id, format: "csv" })).body)).toString("utf8");
    const [, row] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(row[2]).toBe("'@SUM(A1)");
    expect(row[4]).toBe("'=Ana");
    expect(row[7]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes((await sliceDownload(user, project.id, { slice: "code", id: code.id, format: "xlsx" })).body)) as unknown as ArrayBuffer);
    const cell = book.getWorksheet("Codings")!.getCell(2, 8);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });
});

/** The text of each paragraph of a Word document's body, its runs joined. */
function wordText(xml: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === "<w:br/>" ? "\n" : unescape(m[1]))).join(""),
  );
}
