import { coderSelectionToParam, type CoderSelection } from "./coder-selection";
import { quoteCellSchema, type QuoteCell } from "./schema";

/** The link from a number to the passages behind it (the quotes page reads it back). */
export function quotesHref(projectId: string, selection: CoderSelection, cell: QuoteCell): string {
  return `/projects/${projectId}/${relativeQuotesHref(selection, cell)}`;
}

/**
 * The same link relative to a page of the project (/projects/<id>/summaries): the summaries
 * page has thousands of these numbers, and the project's path repeated in each was a tenth
 * of its bytes.
 */
export function relativeQuotesHref(selection: CoderSelection, cell: QuoteCell): string {
  return `quotes?coders=${queryValue(coderSelectionToParam(selection))}&cell=${queryValue(encodeQuoteCell(cell))}`;
}

// ":" and "," may stand as they are in a query value ("coder:<id>", "agreed:<a>,<b>").
const queryValue = (value: string) => encodeURIComponent(value).replace(/%3A/g, ":").replace(/%2C/g, ",");

// Ids that can stand in a dotted cell as they are; any other id (an imported one with a dot, say) falls back to base64 JSON.
const PLAIN_ID = /^[A-Za-z0-9_-]+$/;

/**
 * A cell as a URL parameter: the common cells in a short dotted form (`c.<code>`,
 * `k.<code>.<attribute>[.<category>]`, `p.<code>.<code>.i|p`), anything else as base64url
 * JSON. The two never mix up: base64url has no dot. The result is a value to URL-encode.
 */
export function encodeQuoteCell(cell: QuoteCell): string {
  if (cell.kind === "code" && !cell.filter && PLAIN_ID.test(cell.codeId)) return `c.${cell.codeId}`;
  if (cell.kind === "category" && PLAIN_ID.test(cell.codeId) && PLAIN_ID.test(cell.attributeId)) {
    return `k.${cell.codeId}.${cell.attributeId}${cell.category === null ? "" : `.${cell.category}`}`;
  }
  if (cell.kind === "pair" && cell.codeIds.every((id) => PLAIN_ID.test(id))) return `p.${cell.codeIds[0]}.${cell.codeIds[1]}.${cell.scope === "interviews" ? "i" : "p"}`;
  return Buffer.from(JSON.stringify(cell)).toString("base64url");
}

function decodeDotted(param: string): unknown {
  const [kind, ...parts] = param.split(".");
  if (kind === "c" && parts.length === 1) return { kind: "code", codeId: parts[0] };
  if (kind === "k" && parts.length >= 2) {
    // The category comes last, so a dot in it is its own.
    const category = parts.length === 2 ? null : parts.slice(2).join(".");
    return { kind: "category", codeId: parts[0], attributeId: parts[1], category };
  }
  if (kind === "p" && parts.length === 3 && (parts[2] === "i" || parts[2] === "p")) {
    return { kind: "pair", codeIds: [parts[0], parts[1]], scope: parts[2] === "i" ? "interviews" : "passages" };
  }
  return null;
}

export function readQuoteCell(param: string | string[] | undefined): QuoteCell | null {
  if (typeof param !== "string") return null;
  try {
    const raw = param.includes(".") ? decodeDotted(param) : JSON.parse(Buffer.from(param, "base64url").toString("utf8"));
    const parsed = quoteCellSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The passage's place in its transcript, highlighted and scrolled into view there. */
export const passageHref = (projectId: string, documentId: string, start: number, end: number) =>
  `/projects/${projectId}/documents/${documentId}?start=${start}&end=${end}`;

export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
