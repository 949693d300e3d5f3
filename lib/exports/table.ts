import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { toCsv } from "../interop/csv";

/**
 * The one writer of Grounded's tables: a list of columns and rows read a batch at a time
 * become a CSV stream or an XLSX workbook. Every export of rows (all codings, a slice of
 * them, a saved search's hits) hands its rows here, so the Excel-safety rules live in one
 * place: CSV text cells are neutralised against formula injection (lib/interop/csv.ts), and
 * XLSX cells are written as values, never as formulas (ExcelJS writes a string as a string).
 */

export type Row = Record<string, string | number>;
export type Table = { columns: string[]; rows: Row[] };
/** A table as it is written: its columns, then its rows a batch at a time. */
export type TableSource = { columns: string[]; batches: () => AsyncGenerator<Row[]> };

/** A table already in memory, as a source (for small callers and tests). */
export function tableSource({ columns, rows }: Table, batchSize = 5_000): TableSource {
  return {
    columns,
    async *batches() {
      for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
    },
  };
}

export function tableToCsv({ columns, rows }: Table): string {
  // A BOM so that Excel opens the UTF-8 file with its accents and emoji intact.
  return "\uFEFF" + toCsv({ fields: columns, data: rows.map((r) => columns.map((c) => r[c])) });
}

export async function tableToXlsx({ columns, rows }: Table, sheetName = "Codings"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = sheetColumns(columns);
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The CSV, written batch by batch as the client reads it (pull: a slow reader slows the reads). */
export function csvStream({ columns, batches }: TableSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = batches();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode("\uFEFF" + toCsv([columns])));
      }
      let next = await source.next();
      // An empty batch enqueues nothing, and a pull that enqueues nothing is not called again.
      while (!next.done && next.value.length === 0) next = await source.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode("\r\n" + toCsv(next.value.map((r) => columns.map((c) => r[c])))));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

/** The workbook through ExcelJS's streaming writer: rows are committed and leave memory as they are zipped. */
export function xlsxStream({ columns, batches }: TableSource, sheetName = "Codings"): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
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
