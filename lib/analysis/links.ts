import { coderSelectionToParam, type CoderSelection } from "./coder-selection";
import { quoteCellSchema, type QuoteCell } from "./schema";

/** The link from a number to the passages behind it (the quotes page reads it back). */
export function quotesHref(projectId: string, selection: CoderSelection, cell: QuoteCell): string {
  const encoded = Buffer.from(JSON.stringify(cell)).toString("base64url");
  return `/projects/${projectId}/quotes?coders=${encodeURIComponent(coderSelectionToParam(selection))}&cell=${encoded}`;
}

export function readQuoteCell(param: string | string[] | undefined): QuoteCell | null {
  if (typeof param !== "string") return null;
  try {
    const parsed = quoteCellSchema.safeParse(JSON.parse(Buffer.from(param, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The passage's place in its transcript, highlighted and scrolled into view there. */
export const passageHref = (projectId: string, documentId: string, start: number, end: number) =>
  `/projects/${projectId}/documents/${documentId}?start=${start}&end=${end}`;

export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
