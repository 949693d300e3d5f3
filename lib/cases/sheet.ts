import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "../errors";
import { decodeUtf8 } from "../interop/transcripts/decode";
import { checkedZip } from "../interop/transcripts/docx";

export type Sheet = { columns: string[]; rows: string[][] };

/**
 * A case sheet (one row per case, one column per attribute) from CSV (papaparse: quoting,
 * delimiters, BOM) or XLSX (exceljs: the first worksheet), as strings; types come later.
 */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  const lower = fileName.toLowerCase();
  let table: string[][];
  if (lower.endsWith(".xlsx")) {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new AppError("VALIDATION", `${fileName} is named .xlsx but is not an Excel workbook.`);
    const workbook = new ExcelJS.Workbook();
    let checked: Uint8Array;
    try {
      // exceljs unzips with JSZip, which caps nothing: it gets the archive as our capped reader unpacked it.
      checked = checkedZip(fileName, bytes);
    } catch (error) {
      throw new AppError("VALIDATION", (error as Error).message);
    }
    try {
      await workbook.xlsx.load(Buffer.from(checked) as unknown as ArrayBuffer);
    } catch (error) {
      throw new AppError("VALIDATION", `${fileName}: the workbook could not be read (${(error as Error).message}).`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError("VALIDATION", `${fileName} has no worksheet.`);
    table = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
      table.push(cells);
    });
  } else if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
    const parsed = Papa.parse<string[]>(decodeUtf8(fileName, bytes).replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
    const fatal = parsed.errors.find((e) => e.type === "Quotes");
    if (fatal) throw new AppError("VALIDATION", `${fileName}, row ${(fatal.row ?? 0) + 1}: ${fatal.message}.`);
    table = parsed.data;
  } else {
    throw new AppError("VALIDATION", `${fileName}: case sheets are .csv or .xlsx files.`);
  }
  const [header, ...rows] = table.map((r) => r.map((c) => String(c ?? "").trim()));
  if (!header || header.filter(Boolean).length < 2) throw new AppError("VALIDATION", `${fileName} needs a header row with the case column and at least one attribute.`);
  const width = header.length;
  return { columns: header, rows: rows.filter((r) => r.some(Boolean)).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return String(value.result ?? "");
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}
