// Kept apart from schema.ts so that the memo forms in the browser can show them without
// bundling zod (whose compiled parsers probe for eval, which the pages' CSP refuses).
export const MEMO_TITLE_MAX = 200;
/** The same ceiling as a coding's memo (lib/codings/schema.ts). */
export const MEMO_BODY_MAX = 20_000;
export const MEMOS_PER_PAGE = 50;

/** What a memo is about: the project itself (the journal), or one document, code, case or coding. */
export const MEMO_KINDS = ["journal", "document", "code", "case", "coding"] as const;
export type MemoKind = (typeof MEMO_KINDS)[number];

export const MEMO_KIND_LABELS: Record<MemoKind, string> = {
  journal: "Project journal",
  document: "Document",
  code: "Code",
  case: "Case",
  coding: "Coding",
};
