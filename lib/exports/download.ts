import type { CurrentUser } from "../auth/session";
import { authorizeProject } from "../auth/project-access";
import { codingExport } from "../codings/export";
import { AppError } from "../errors";
import { visibleCoderIds, type CoderVisibility } from "../rigour/blind";
import { attachment, safeFileName } from "./file-name";
import { sliceQuerySchema } from "./schema";
import { resolveSlice } from "./slices";
import { csvStream, xlsxStream } from "./table";

export type Download = { fileName: string; contentType: string; body: ReadableStream<Uint8Array> | Uint8Array };

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** A URL's query as the plain object the schemas parse (the first value of each key). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}

/** Parses with zod, or a VALIDATION error with per-field messages. */
export function parseQuery<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
  throw new AppError("VALIDATION", "That export is not one Grounded can make: check what was asked for.", fieldErrors);
}

/**
 * Who may read which codings in an export: any member may export what they may read, and
 * blind coding decides whose codings that is, exactly as for the whole-project export (the
 * project-wide rule: blind if the project or any of its documents is).
 */
export async function exportVisibility(user: CurrentUser, projectId: string): Promise<CoderVisibility> {
  if (!projectId || projectId.length > 64) throw new AppError("VALIDATION", "Malformed id.");
  const { role } = await authorizeProject(user, projectId, "viewer");
  return visibleCoderIds(projectId, null, { id: user.id, role });
}

/** A slice of the codings (lib/exports/schema.ts) as a CSV or XLSX file, streamed. */
export async function sliceDownload(user: CurrentUser, projectId: string, raw: unknown): Promise<Download> {
  const query = parseQuery(sliceQuerySchema, raw);
  const visibility = await exportVisibility(user, projectId);
  const { filter, title } = await resolveSlice(projectId, query);
  const source = await codingExport(projectId, visibility, undefined, filter);
  return {
    fileName: safeFileName(title, query.format),
    contentType: CONTENT_TYPES[query.format],
    body: query.format === "csv" ? csvStream(source) : xlsxStream(source),
  };
}

/** The HTTP answer for a download: never cached, since what it holds depends on who asks. */
export function downloadResponse({ fileName, contentType, body }: Download): Response {
  return new Response(body as BodyInit, { headers: { "Content-Type": contentType, "Content-Disposition": attachment(fileName), "Cache-Control": "private, no-store" } });
}
