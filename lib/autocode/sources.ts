import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { regexHits } from "../search/regex";
import { REGEX_TIMEOUT_MS } from "../search/limits";
import type { Span } from "./extent";
import { MAX_SPANS } from "./limits";
import type { AutocodeSource } from "./mutations";
import type { ByPatternInput, BySpeakerInput } from "./schema";

/**
 * The sources of spans that need no search: every turn of a speaker, and the lines (or
 * sections) of structured transcripts that match a pattern. Each returns spans for the core
 * (mutations.ts) and the source it records on the run.
 */

export type DocumentSpan = Span & { documentId: string };
type Spans = { spans: DocumentSpan[]; source: AutocodeSource };

/** The chosen interviews of the project (all when none are chosen); another project's is NOT_FOUND. */
async function chosenDocuments(projectId: string, documentIds: string[]): Promise<string[]> {
  const rows = await db().document.findMany({
    where: { projectId, ...(documentIds.length > 0 ? { id: { in: documentIds } } : {}) },
    select: { id: true },
  });
  if (documentIds.length > 0 && rows.length !== new Set(documentIds).size) throw notFound("An interview");
  return rows.map((r) => r.id);
}

function interviewsNote(documentIds: string[]) {
  return documentIds.length > 0 ? ` in ${documentIds.length} interview${documentIds.length === 1 ? "" : "s"}` : "";
}

/** Every turn of one speaker (by label, ignoring case) or of every speaker with a role. */
export async function speakerSpans(ctx: ProjectContext, input: BySpeakerInput): Promise<Spans> {
  const ids = await chosenDocuments(ctx.projectId, input.documentIds);
  const turns = await db().speakerTurn.findMany({
    where: {
      documentId: { in: ids },
      ...(input.role ? { role: input.role } : { speaker: { equals: input.speaker, mode: "insensitive" } }),
    },
    select: { documentId: true, start: true, end: true },
  });
  const spans = turns.filter((t) => t.start < t.end);
  const who = input.role ? `every ${input.role} turn` : `every turn of ${input.speaker}`;
  return { spans, source: { kind: "speaker", summary: `${who}${interviewsNote(input.documentIds)}`, role: input.role ?? null, speaker: input.speaker ?? null, documentIds: input.documentIds } };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Lines of structured transcripts: those beginning with a plain prefix (after any indentation,
 * ignoring case), or matching a regular expression anywhere in the line. The regular expression
 * runs in PostgreSQL under a statement timeout (lib/search/regex.ts), newline-sensitive so ^ and
 * $ mean a line's ends, so a catastrophic pattern ends in a clear message, never a blocked server.
 * "section" codes from each matching line up to the next matching line (or the end).
 */
export async function patternSpans(ctx: ProjectContext, input: ByPatternInput, timeoutMs = REGEX_TIMEOUT_MS): Promise<Spans> {
  const ids = await chosenDocuments(ctx.projectId, input.documentIds);
  const regex = input.kind === "prefix" ? `^[ \\t]*${escapeRegex(input.pattern)}` : input.pattern;
  // (?n): newline-sensitive matching, an embedded option of PostgreSQL's ARE syntax.
  const hits = ids.length === 0 ? new Map<string, Span[]>() : await regexHits(ids, `(?n)${regex}`, MAX_SPANS, timeoutMs);
  const documents = hits.size === 0 ? [] : await db().document.findMany({ where: { id: { in: [...hits.keys()] } }, select: { id: true, text: true } });
  const spans: DocumentSpan[] = [];
  for (const document of documents) {
    const chars = Array.from(document.text);
    const lines = linesOf(chars, hits.get(document.id)!);
    lines.forEach((line, i) => {
      const end = input.section === "section" ? (lines[i + 1]?.start ?? chars.length) : line.end;
      const span = trimmed(chars, line.start, end);
      if (span) spans.push({ documentId: document.id, ...span });
    });
  }
  if (spans.length > MAX_SPANS) throw new AppError("VALIDATION", `That pattern matches more than ${MAX_SPANS.toLocaleString("en")} lines; make it more specific.`);
  const what = input.kind === "prefix" ? `lines beginning with "${input.pattern}"` : `lines matching /${input.pattern}/`;
  return {
    spans,
    source: { kind: "pattern", summary: `${input.section === "section" ? "sections under " : ""}${what}${interviewsNote(input.documentIds)}`, pattern: input.pattern, patternKind: input.kind, section: input.section, documentIds: input.documentIds },
  };
}

/** The distinct lines holding the hits, in order. */
function linesOf(chars: readonly string[], hits: readonly Span[]): Span[] {
  const lines: Span[] = [];
  for (const hit of hits) {
    if (lines.length > 0 && hit.start < lines[lines.length - 1].end) continue;
    let start = hit.start;
    while (start > 0 && chars[start - 1] !== "\n") start--;
    let end = hit.start;
    while (end < chars.length && chars[end] !== "\n") end++;
    lines.push({ start, end });
  }
  return lines;
}

function trimmed(chars: readonly string[], start: number, end: number): Span | null {
  while (start < end && /\s/u.test(chars[start])) start++;
  while (end > start && /\s/u.test(chars[end - 1])) end--;
  return start < end ? { start, end } : null;
}
