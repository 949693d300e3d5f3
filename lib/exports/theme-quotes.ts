import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import type { SpeakerRole } from "../db/generated/enums";
import type { CoderVisibility } from "../rigour/blind";
import { citation } from "./citation";
import { CONTENT_TYPES, exportVisibility, parseQuery, type Download } from "./download";
import { safeFileName } from "./file-name";
import { themeQuotesQuerySchema } from "./schema";
import { codeSubtree } from "./slices";

const BATCH = 2_000;

/** One quote as the Word file cites it. */
export type ThemeQuote = {
  id: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  quote: string;
  /** The speaker turn the quote starts in (0-based), or null for a transcript without turns. */
  turnIndex: number | null;
  speaker: string | null;
  role: SpeakerRole | null;
  /** The line of the transcript the quote starts on (1-based), for transcripts without turns. */
  line: number;
};

/**
 * The quotes of a theme that `visibility` lets the reader see, interview by interview in
 * reading order, each with the speaker turn it starts in. Read a batch at a time per
 * interview (keyset on the reading order, as the codings export does), so a theme with tens
 * of thousands of passages is never one query's worth of rows in memory before it is written.
 */
export async function* themeQuotes(projectId: string, codeIds: readonly string[], visibility: CoderVisibility, batchSize = BATCH) {
  const documents = await db().document.findMany({
    where: { projectId, codings: { some: { codeId: { in: [...codeIds] } } } },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, case: { select: { name: true } } },
  });
  const visible = visibility === "all" ? null : visibility;
  const ids = [...codeIds];
  for (const document of documents) {
    let after: ThemeQuote | null = null;
    for (;;) {
      const quotes: ThemeQuote[] = await db().$queryRaw<ThemeQuote[]>`
        SELECT k.id, k."codeId", k."coderId", k.start, k."end", k.quote, t.index AS "turnIndex", t.speaker, t.role,
               (CASE WHEN t.index IS NULL THEN length(left(d.text, k.start)) - length(replace(left(d.text, k.start), E'\n', '')) + 1 ELSE 0 END)::int AS line
        FROM "Coding" k
        JOIN "Document" d ON d.id = k."documentId"
        LEFT JOIN LATERAL (
          SELECT s.index, s.speaker, s.role::text AS role FROM "SpeakerTurn" s
          WHERE s."documentId" = k."documentId" AND s.start <= k.start ORDER BY s.start DESC LIMIT 1
        ) t ON true
        WHERE k."documentId" = ${document.id}
          AND k."codeId" = ANY(${ids}::text[])
          AND (${visible}::text[] IS NULL OR k."coderId" = ANY(${visible}::text[]))
          AND (${after === null} OR (k.start, -k."end", k.id) > (${after?.start ?? 0}, ${-(after?.end ?? 0)}, ${after?.id ?? ""}))
        ORDER BY k.start, k."end" DESC, k.id
        LIMIT ${batchSize}`;
      if (quotes.length === 0) break;
      yield { document: { id: document.id, title: document.title, caseName: document.case?.name ?? null }, quotes };
      if (quotes.length < batchSize) break;
      after = quotes.at(-1)!;
    }
  }
}

/**
 * The quotes of a theme (a code, with its sub-codes if asked) as a Word document to paste
 * into a paper: the theme's name and definition, then per interview its quotes as block
 * quotations, each followed by where it is. Analysts are named only when asked (coders=1):
 * a paper's reader needs the source, not who coded it.
 */
export async function themeQuotesDownload(user: CurrentUser, projectId: string, raw: unknown, batchSize = BATCH): Promise<Download> {
  const query = parseQuery(themeQuotesQuerySchema, raw);
  const visibility = await exportVisibility(user, projectId);
  const { code, codeIds } = await codeSubtree(projectId, query.codeId, query.subcodes);
  const codeNames = new Map((await db().code.findMany({ where: { id: { in: codeIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const coders = new Map<string, string>();

  const body: Paragraph[] = [new Paragraph({ text: code.name, heading: HeadingLevel.TITLE })];
  if (code.description) body.push(new Paragraph({ children: [new TextRun({ text: "Definition: ", bold: true }), new TextRun(code.description)] }));
  if (codeIds.length > 1) body.push(new Paragraph({ children: [new TextRun({ text: `Including its sub-codes: ${codeIds.filter((id) => id !== code.id).map((id) => codeNames.get(id)).join(", ")}.`, italics: true })] }));

  // A passage coded by two analysts (double coding), or with two sub-codes, is one quote in a
  // paper: the same span's codings are adjacent in reading order, so they are merged as they come.
  let count = 0;
  let current: string | null = null;
  let pending: { title: string; quote: ThemeQuote; codeIds: Set<string>; coderIds: Set<string> } | null = null;
  const flush = () => {
    if (!pending) return;
    const { title, quote, codeIds: codesOf, coderIds } = pending;
    const extra = [
      [...codesOf].some((id) => id !== code.id) ? `code: ${[...codesOf].map((id) => codeNames.get(id)).join(", ")}` : null,
      query.coders ? `coded by ${[...coderIds].map((id) => coders.get(id) ?? "a former member").join(", ")}` : null,
    ].filter(Boolean);
    body.push(blockQuote(quote.quote));
    body.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { left: 720, right: 720 },
        spacing: { after: 240 },
        children: [new TextRun({ text: `— ${citation(title, quote)}${extra.length ? ` (${extra.join("; ")})` : ""}`, size: 20 })],
      }),
    );
    count++;
    pending = null;
  };
  for await (const { document, quotes } of themeQuotes(projectId, codeIds, visibility, batchSize)) {
    if (document.id !== current) {
      flush();
      current = document.id;
      const heading = document.caseName && !document.title.includes(document.caseName) ? `${document.title} (${document.caseName})` : document.title;
      body.push(new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }));
    }
    if (query.coders) {
      const unknown = [...new Set(quotes.map((q) => q.coderId))].filter((id) => !coders.has(id));
      if (unknown.length > 0) for (const u of await db().user.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true } })) coders.set(u.id, u.name);
    }
    for (const q of quotes) {
      if (pending && pending.quote.start === q.start && pending.quote.end === q.end) {
        pending.codeIds.add(q.codeId);
        pending.coderIds.add(q.coderId);
        continue;
      }
      flush();
      pending = { title: document.title, quote: q, codeIds: new Set([q.codeId]), coderIds: new Set([q.coderId]) };
    }
  }
  flush();
  if (count === 0) body.push(new Paragraph({ children: [new TextRun({ text: "No passages of this theme that you may read are coded yet.", italics: true })] }));

  const file = new Document({ title: code.name, creator: "Grounded", sections: [{ children: body }] });
  return {
    fileName: safeFileName(`quotes-${code.name}${codeIds.length > 1 ? "-with-sub-codes" : ""}`, "docx"),
    contentType: CONTENT_TYPES.docx,
    body: new Uint8Array(await Packer.toBuffer(file)),
  };
}

/** A block quotation: indented, with a rule on its left; line breaks in the passage kept. */
function blockQuote(text: string): Paragraph {
  const lines = text.split("\n");
  return new Paragraph({
    indent: { left: 720, right: 720 },
    spacing: { before: 120, after: 60 },
    border: { left: { style: BorderStyle.SINGLE, size: 12, color: "94A3B8", space: 8 } },
    children: lines.map((line, i) => new TextRun({ text: `${i === 0 ? "“" : ""}${line}${i === lines.length - 1 ? "”" : ""}`, break: i > 0 ? 1 : undefined })),
  });
}
