import { flattenCodeTree } from "../codes/tree";
import { db } from "../db/client";
import { tableToCsv, tableToXlsx, type Row, type Table, type TableSource } from "../exports/table";
import type { CoderVisibility } from "../rigour/blind";

const COLUMNS = ["document", "case", "code", "code path", "analyst", "start", "end", "quote", "memo", "created", "updated"] as const;
const BATCH = 5_000;

export type CodingExport = Table;
/** The export as it is written: its columns, then its rows a batch at a time. */
export type CodingExportSource = TableSource;
/**
 * A slice of the export (lib/exports/slices.ts resolves one from what the reader asked):
 * only these documents, only codings of these codes. Absent means no restriction. The ids
 * must already be known to be the project's: the filter narrows, it does not authorize.
 */
export type CodingFilter = { documentIds?: readonly string[]; codeIds?: readonly string[] };

type CodingColumns = { id: string; codeId: string; coderId: string; start: number; end: number; quote: string; memo: string; createdAt: Date; updatedAt: Date };

/**
 * Every coding the reader may see, one row per coded passage, with its place (code point
 * offsets, as everywhere in Grounded) and its text: the spreadsheet researchers take into
 * other tools. Read a batch at a time, interview by interview, so that a project of any size
 * is written out with a bounded amount in memory (150,000 codings made 64 MB of CSV).
 */
export async function codingExport(projectId: string, visibility: CoderVisibility, batchSize = BATCH, filter: CodingFilter = {}): Promise<CodingExportSource> {
  const [codes, attributes, documents] = await Promise.all([
    db().code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, position: true } }),
    db().attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db().document.findMany({
      where: { projectId, ...(filter.documentIds ? { id: { in: [...filter.documentIds] } } : {}) },
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
  const codeIds = filter.codeIds ? [...filter.codeIds] : null;

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
            AND (${codeIds}::text[] IS NULL OR k."codeId" = ANY(${codeIds}::text[]))
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
export async function codingRows(projectId: string, visibility: CoderVisibility, filter: CodingFilter = {}): Promise<CodingExport> {
  const source = await codingExport(projectId, visibility, BATCH, filter);
  const rows: Row[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return { columns: source.columns, rows };
}

// The writers live in lib/exports/table.ts, shared by every export of rows.
export { csvStream, xlsxStream } from "../exports/table";
export const rowsToCsv = tableToCsv;
export const rowsToXlsx = (table: CodingExport) => tableToXlsx(table);
