import ExcelJS from "exceljs";
import { z } from "zod";
import { runProjectAction } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import type { ActionResult } from "../errors";
import { toCsv } from "../interop/csv";
import { type AgreementTable, defaultCoderIds, getAgreement, listComparableCoders } from "./agreement";
import { type AgreementRow, type Figure, OVERALL_LABEL, figureNotes } from "./agreement-table";
import { blindAtSomePoint } from "./data";
import { methodsParagraph, unitLabel } from "./methods";
import { agreementQuerySchema } from "./schema";

/**
 * The agreement table as a file: CSV (the table alone, for statistics packages), XLSX (the
 * table with numbers as numbers, and a sheet saying what was compared), or the methods
 * paragraph as text. Same rules as the page: any member may export what they may see, and
 * blind mode leaves out what it hides from them (agreement.ts).
 */

export const EXPORT_FORMATS = ["csv", "xlsx", "txt"] as const;
// Without analysts named, the export compares the page's default ones (see defaultCoderIds).
export const agreementExportSchema = agreementQuerySchema
  .extend({ coderIds: agreementQuerySchema.shape.coderIds.optional() })
  .and(z.object({ format: z.enum(EXPORT_FORMATS) }));

export type ExportedFile = { fileName: string; contentType: string; data: string | Uint8Array };

export function runAgreementExport(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<ExportedFile>> {
  return runProjectAction(user, agreementExportSchema, "viewer", async (ctx, input) => {
    const coderIds = input.coderIds ?? defaultCoderIds(await listComparableCoders(ctx.projectId, { id: ctx.user.id, role: ctx.role }));
    const table = await getAgreement(ctx.projectId, { ...input, coderIds }, { id: ctx.user.id, role: ctx.role });
    const stem = `agreement-${input.unit}`;
    if (input.format === "csv") return { fileName: `${stem}.csv`, contentType: "text/csv; charset=utf-8", data: agreementCsv(table) };
    const paragraph = await methodsFor(ctx.projectId, table);
    if (input.format === "txt") return { fileName: `${stem}-methods.txt`, contentType: "text/plain; charset=utf-8", data: paragraph + "\n" };
    return {
      fileName: `${stem}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      data: await agreementXlsx(table, paragraph),
    };
  }, rawInput);
}

/** The methods paragraph for a computed table (reads whether blind mode ever covered its documents). */
export async function methodsFor(projectId: string, table: AgreementTable): Promise<string> {
  const blind = await blindAtSomePoint(projectId, table.documents.map((d) => d.id));
  return methodsParagraph({ ...table, documents: table.documents.length, blind });
}

type Cell = string | number;

/** Header and rows, figures as numbers (rounded to 4 places) or empty with the reason in Notes. */
export function agreementRows(table: AgreementTable): Cell[][] {
  const header = ["Code", "Units", ...table.coders.map((c) => `Coded by ${c.name}`), "Percent agreement", "Cohen's kappa", "Krippendorff's alpha", "Notes"];
  const names = new Map(table.codes.map((c) => [c.id, c.name]));
  const line = (label: string, row: AgreementRow, first: string[] = []): Cell[] => {
    const notes = [...first, ...figureNotes(row), ...(row.stabilityNote ? [row.stabilityNote] : [])];
    return [label, row.units, ...row.perCoder, value(row.percent), value(row.kappa), value(row.alpha), notes.join("; ")];
  };
  // The overall row says how it was pooled, first in its notes, so a reader of the file alone knows.
  return [header, ...table.rows.map((r) => line(names.get(r.codeId!) ?? r.codeId!, r)), line(OVERALL_LABEL, table.overall, [table.pooling])];
}

export function agreementCsv(table: AgreementTable): string {
  // A BOM so that Excel opens the UTF-8 names correctly; other tools ignore it.
  return "\uFEFF" + toCsv(agreementRows(table), { newline: "\r\n" });
}

export async function agreementXlsx(table: AgreementTable, paragraph: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Grounded";
  const sheet = book.addWorksheet("Agreement");
  const rows = agreementRows(table);
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(rows.length).font = { bold: true };
  const width = rows[0].length;
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 36 : i === width - 1 ? 80 : 16;
    if (i >= width - 4 && i < width - 1) column.numFmt = i === width - 4 ? "0.0%" : "0.000";
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const about = book.addWorksheet("About");
  about.addRows([
    ["Methods", paragraph],
    ["Unit of analysis", unitLabel(table.unit, table.segmentSources)],
    ["Documents", table.scope === "done" ? "Interviews every analyst marked done" : "Interviews every analyst coded (owner's choice)"],
    ["Analysts", table.coders.map((c) => c.name).join(", ")],
    ["Interviews compared", `${table.documents.length} of ${table.totalDocuments}`],
    ["Overall", table.pooling],
    ...(table.hiddenByBlindMode > 0 ? [["Left out", `${table.hiddenByBlindMode} interviews in blind mode for the person exporting`]] : []),
    ...table.notes.map((n) => ["Note", n]),
    [],
    ["Interview"],
    ...table.documents.map((d) => [d.title]),
  ]);
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const value = (f: Figure): Cell => (f.value === null ? "" : Math.round(f.value * 10_000) / 10_000);
