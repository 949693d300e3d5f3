import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { toCsv } from "../interop/csv";
import type { CoderVisibility } from "../rigour/blind";

const COLUMNS = ["document", "case", "code", "code path", "analyst", "start", "end", "quote", "memo", "created", "updated"] as const;
const BATCH = 5_000;

type Row = Record<string, string | number>;
export type CodingExport = { columns: string[]; rows: Row[] };
/** The export as it is written: its columns, then its rows a batch at a time. */
export type CodingExportSource = { columns: string[]; batches: () => AsyncGenerator<Row[]> };

type CodingColumns = { id: string; codeId: string; coderId: string; start: number; end: number; quote: string; memo: string; createdAt: Date; updatedAt: Date };

/**
 * Every coding the reader may see, one row per coded passage, with its place (code point
 * offsets, as everywhere in Grounded) and its text: the spreadsheet researchers take into
 * other tools. Read a batch at a time, interview by interview, so that a project of any size
 * is written out with a bounded amount in memory (150,000 codings made 64 MB of CSV).
 */
export async function codingExport(projectId: string, visibility: CoderVisibility, batchSize = BATCH): Promise<CodingExportSource> {
  const [codes, attributes, documents] = await Promise.all([
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, position: true } }),
    db().attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db().document.findMany({
      where: { projectId },
      orderBy: { position: "asc" },
      select: { id: true, title: true, case: { select: { name: true, values: { select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } } } } },
    }),
  ]);
  const byId = new Map(flattenCodeTree(codes).map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const code = byId.get(id);
    if (!code) return "";
    if (!paths.has(id)) paths.set(id, code.parentId && byId.has(code.parentId) ? `${pathOf(code.parentId)} / ${code.name}` : code.name);
    return paths.get(id)!;
  };
  // Case attributes go in columns of their own, after the fixed ones ("case: sector"...).
  const attributeColumns = attributes.map((a) => ({ id: a.id, column: `case: ${a.name}` }));
  const coders = new Map<string, string>();
  const visible = visibility === "all" ? null : visibility;

  async function* batches(): AsyncGenerator<Row[]> {
    for (const document of documents) {
      const caseColumns = Object.fromEntries(
        attributeColumns.map(({ id, column }) => {
          const v = document.case?.values.find((x) => x.attributeId === id);
          return [column, v ? String(v.textValue ?? v.numberValue ?? v.booleanValue) : ""];
        }),
      );
      let after: CodingColumns | null = null;
      for (;;) {
        const codings: CodingColumns[] = await db().$queryRaw<CodingColumns[]>`
          SELECT k.id, k."codeId", k."coderId", k.start, k."end", k.quote, k.memo, k."createdAt", k."updatedAt"
          FROM "Coding" k JOIN "Code" c ON c.id = k."codeId" AND c."deletedAt" IS NULL
          WHERE k."documentId" = ${document.id}
            AND (${visible}::text[] IS NULL OR k."coderId" = ANY(${visible}::text[]))
            AND (${after === null} OR (k.start, -k."end", k.id) > (${after?.start ?? 0}, ${-(after?.end ?? 0)}, ${after?.id ?? ""}))
          ORDER BY k.start, k."end" DESC, k.id
          LIMIT ${batchSize}`;
        if (codings.length === 0) break;
        const unknown = [...new Set(codings.map((c) => c.coderId))].filter((id) => !coders.has(id));
        if (unknown.length > 0) for (const u of await db().user.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true } })) coders.set(u.id, u.name);
        yield codings.map((c) => ({
          document: document.title,
          case: document.case?.name ?? "",
          code: byId.get(c.codeId)?.name ?? "",
          "code path": pathOf(c.codeId),
          analyst: coders.get(c.coderId) ?? "",
          start: c.start,
          end: c.end,
          quote: c.quote,
          memo: c.memo,
          created: c.createdAt.toISOString(),
          updated: c.updatedAt.toISOString(),
          ...caseColumns,
        }));
        if (codings.length < batchSize) break;
        after = codings.at(-1)!;
      }
    }
  }
  return { columns: [...COLUMNS, ...attributeColumns.map((a) => a.column)], batches };
}

/** The whole export in memory: for tests and small callers; the route streams. */
export async function codingRows(projectId: string, visibility: CoderVisibility): Promise<CodingExport> {
  const source = await codingExport(projectId, visibility);
  const rows: Row[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return { columns: source.columns, rows };
}

export function rowsToCsv({ columns, rows }: CodingExport): string {
  // A BOM so that Excel opens the UTF-8 file with its accents and emoji intact.
  return "\uFEFF" + toCsv({ fields: columns, data: rows.map((r) => columns.map((c) => r[c])) });
}

export async function rowsToXlsx({ columns, rows }: CodingExport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Codings");
  sheet.columns = sheetColumns(columns);
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The CSV, written batch by batch as the client reads it (pull: a slow reader slows the reads). */
export function csvStream({ columns, batches }: CodingExportSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = batches();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode("\uFEFF" + toCsv([columns])));
      }
      const next = await source.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode("\r\n" + toCsv(next.value.map((r) => columns.map((c) => r[c])))));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

/** The workbook through ExcelJS's streaming writer: rows are committed and leave memory as they are zipped. */
export function xlsxStream({ columns, batches }: CodingExportSource): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet("Codings");
  sheet.columns = sheetColumns(columns);
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const batch of batches()) {
        for (const row of batch) sheet.addRow(row).commit();
        // Wait for the reader when the zip stream is full, so a slow download holds one batch.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

function sheetColumns(columns: string[]) {
  return columns.map((c) => ({ header: c, key: c, width: c === "quote" ? 80 : c === "memo" ? 40 : 18 }));
}
