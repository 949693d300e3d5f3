import type { CurrentUser } from "../auth/session";
import { authorizeProject } from "../auth/project-access";
import { db } from "../db/client";
import { CONTENT_TYPES, type Download } from "../exports/download";
import { safeFileName } from "../exports/file-name";
import { csvStream, type Row, type TableSource, xlsxStream } from "../exports/table";
import { readScope, type ReadScope } from "../rigour/blind";
import { codePointIndex } from "../transcripts/offsets";
import { documentHits } from "./data";
import { contextOf } from "./kwic";
import { getSavedSearch } from "./saved";
import type { SearchQuery } from "./schema";

/** A regular expression's matches are found in PostgreSQL up to this many in one export. */
const EXPORT_REGEX_CAP = 100_000;
const COLUMNS = ["interview", "case", "speaker", "start", "end", "match", "before", "after"] as const;

/**
 * Every hit of a search as a row (interview, case, speaker, code point offsets, the match and
 * a line of text either side), with the case's attributes as columns: the table a researcher
 * takes into a spreadsheet to compare a keyword across cases. Read a few interviews at a time.
 */
export async function searchHitTable(projectId: string, query: SearchQuery, scope: ReadScope): Promise<TableSource> {
  const [attributes, documents] = await Promise.all([
    db().attributeDefinition.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db().document.findMany({
      where: { projectId },
      select: { id: true, case: { select: { name: true, values: { select: { attributeId: true, textValue: true, numberValue: true, booleanValue: true } } } } },
    }),
  ]);
  // Named as in the codings export ("case: <name>"), so the two sheets line up.
  const attributeColumns = attributes.map((a) => ({ id: a.id, column: `case: ${a.name}` }));
  const caseOf = new Map(documents.map((d) => [d.id, d.case]));
  async function* batches(): AsyncGenerator<Row[]> {
    const state = { truncated: false };
    for await (const { document, text, hits } of documentHits(projectId, query, scope, EXPORT_REGEX_CAP, state)) {
      const found = caseOf.get(document.id);
      const caseColumns = Object.fromEntries(
        attributeColumns.map(({ id, column }) => {
          const v = found?.values.find((x) => x.attributeId === id);
          return [column, v ? String(v.textValue ?? v.numberValue ?? v.booleanValue) : ""];
        }),
      );
      const index = codePointIndex(text);
      yield hits.map(({ span, turn }) => {
        const context = contextOf(text, index.toUtf16(span.start), index.toUtf16(span.end));
        return { interview: document.title, case: found?.name ?? "", speaker: turn?.speaker ?? "", start: span.start, end: span.end, match: context.match, before: context.before, after: context.after, ...caseColumns };
      });
    }
  }
  return { columns: [...COLUMNS, ...attributeColumns.map((a) => a.column)], batches };
}

/** A saved search's hits as CSV or XLSX, for any member (coded filters follow the reader's blind scope). */
export async function savedSearchDownload(user: CurrentUser, projectId: string, input: { savedSearchId: string; format: "csv" | "xlsx" }): Promise<Download> {
  const { role } = await authorizeProject(user, projectId, "viewer");
  const saved = await getSavedSearch(projectId, input.savedSearchId);
  const source = await searchHitTable(projectId, saved.query, await readScope(projectId, { id: user.id, role }));
  return {
    fileName: safeFileName(`search-${saved.name}`, input.format),
    contentType: CONTENT_TYPES[input.format],
    body: input.format === "csv" ? csvStream(source) : xlsxStream(source, "Matches"),
  };
}
