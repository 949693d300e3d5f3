import ExcelJS from "exceljs";
import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { toCsv } from "../interop/csv";
import type { CoderVisibility } from "../rigour/blind";

const COLUMNS = ["document", "case", "code", "code path", "analyst", "start", "end", "quote", "memo", "created", "updated"] as const;

export type CodingExport = { columns: string[]; rows: Record<string, string | number>[] };

/**
 * Every coding the reader may see, one row per coded passage, with its place (code point
 * offsets, as everywhere in Grounded) and its text: the spreadsheet researchers take into
 * other tools.
 */
export async function codingRows(projectId: string, visibility: CoderVisibility): Promise<CodingExport> {
  const [codes, codings, attributes] = await Promise.all([
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, position: true } }),
    db().coding.findMany({
      where: { projectId, code: { deletedAt: null }, ...(visibility === "all" ? {} : { coderId: { in: visibility } }) },
      orderBy: [{ document: { position: "asc" } }, { start: "asc" }, { end: "desc" }],
      select: {
        codeId: true,
        start: true,
        end: true,
        quote: true,
        memo: true,
        createdAt: true,
        updatedAt: true,
        coder: { select: { name: true } },
        document: { select: { title: true, case: { select: { name: true, values: { select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } } } } } },
      },
    }),
    db().attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  const byId = new Map(flattenCodeTree(codes).map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const code = byId.get(id);
    if (!code) return "";
    return code.parentId && byId.has(code.parentId) ? `${pathOf(code.parentId)} / ${code.name}` : code.name;
  };
  // Case attributes go in columns of their own, after the fixed ones ("case: sector"...).
  const attributeColumns = attributes.map((a) => ({ id: a.id, column: `case: ${a.name}` }));
  const rows = codings.map((c) => ({
    document: c.document.title,
    case: c.document.case?.name ?? "",
    code: byId.get(c.codeId)?.name ?? "",
    "code path": pathOf(c.codeId),
    analyst: c.coder.name,
    start: c.start,
    end: c.end,
    quote: c.quote,
    memo: c.memo,
    created: c.createdAt.toISOString(),
    updated: c.updatedAt.toISOString(),
    ...Object.fromEntries(
      attributeColumns.map(({ id, column }) => {
        const v = c.document.case?.values.find((x) => x.attributeId === id);
        return [column, v ? String(v.textValue ?? v.numberValue ?? v.booleanValue) : ""];
      }),
    ),
  }));
  return { columns: [...COLUMNS, ...attributeColumns.map((a) => a.column)], rows };
}

export function rowsToCsv({ columns, rows }: CodingExport): string {
  // A BOM so that Excel opens the UTF-8 file with its accents and emoji intact.
  return "\uFEFF" + toCsv({ fields: columns, data: rows.map((r) => columns.map((c) => r[c])) });
}

export async function rowsToXlsx({ columns, rows }: CodingExport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Codings");
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c === "quote" ? 80 : c === "memo" ? 40 : 18 }));
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
