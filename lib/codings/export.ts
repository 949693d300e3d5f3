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
  // Codings as plain columns, their documents, cases and analysts read once each: a relation
  // loaded per coding puts one bind parameter per row into Prisma's follow-up query, past
  // PostgreSQL's 65,535 at about 150,000 codings (the export then failed outright).
  const [codes, codings, attributes, documents] = await Promise.all([
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, position: true } }),
    db().coding.findMany({
      where: { projectId, code: { deletedAt: null }, ...(visibility === "all" ? {} : { coderId: { in: visibility } }) },
      orderBy: [{ document: { position: "asc" } }, { start: "asc" }, { end: "desc" }],
      select: { codeId: true, documentId: true, coderId: true, start: true, end: true, quote: true, memo: true, createdAt: true, updatedAt: true },
    }),
    db().attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db().document.findMany({
      where: { projectId },
      select: { id: true, title: true, case: { select: { name: true, values: { select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } } } } },
    }),
  ]);
  const coderIds = [...new Set(codings.map((c) => c.coderId))];
  const coders = new Map((await db().user.findMany({ where: { id: { in: coderIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const byId = new Map(flattenCodeTree(codes).map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const code = byId.get(id);
    if (!code) return "";
    return code.parentId && byId.has(code.parentId) ? `${pathOf(code.parentId)} / ${code.name}` : code.name;
  };
  // Case attributes go in columns of their own, after the fixed ones ("case: sector"...).
  const attributeColumns = attributes.map((a) => ({ id: a.id, column: `case: ${a.name}` }));
  const rows = codings.map((c) => {
    const document = documentById.get(c.documentId);
    return {
      document: document?.title ?? "",
      case: document?.case?.name ?? "",
      code: byId.get(c.codeId)?.name ?? "",
      "code path": pathOf(c.codeId),
      analyst: coders.get(c.coderId) ?? "",
      start: c.start,
      end: c.end,
      quote: c.quote,
      memo: c.memo,
      created: c.createdAt.toISOString(),
      updated: c.updatedAt.toISOString(),
      ...Object.fromEntries(
        attributeColumns.map(({ id, column }) => {
          const v = document?.case?.values.find((x) => x.attributeId === id);
          return [column, v ? String(v.textValue ?? v.numberValue ?? v.booleanValue) : ""];
        }),
      ),
    };
  });
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
