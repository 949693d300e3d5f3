/**
 * The families of changes the project history can be filtered by, from an audit action's
 * first word ("coding.create" is a coding change). Pure and free of zod, so the filter form
 * can use it in the browser too.
 */
export const HISTORY_KINDS = ["codings", "codes", "memos", "cases", "documents", "findings", "rigour", "project"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const KIND_LABELS: Record<HistoryKind, string> = {
  codings: "Codings",
  codes: "Codes and codebook",
  memos: "Memos",
  cases: "Cases and attributes",
  documents: "Interviews",
  findings: "Findings",
  rigour: "Assignments and adjudication",
  project: "Project, members and searches",
};

/** The action prefixes of each family; "project" is everything else. */
export const KIND_PREFIXES: Record<Exclude<HistoryKind, "project">, string[]> = {
  codings: ["coding", "quote"],
  codes: ["code", "codebook"],
  memos: ["memo"],
  cases: ["case", "attribute", "attributes"],
  documents: ["document", "transcript", "correction"],
  findings: ["finding"],
  rigour: ["assignment", "adjudication", "consensus"],
};

export function kindOf(action: string): HistoryKind {
  const prefix = action.split(".")[0] ?? "";
  for (const [kind, prefixes] of Object.entries(KIND_PREFIXES)) if (prefixes.includes(prefix)) return kind as HistoryKind;
  return "project";
}

/** How many changes a page of the history shows. */
export const HISTORY_PAGE_SIZE = 50;
