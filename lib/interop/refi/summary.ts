import type { ImportWarning, NotImported, PositionReport } from "./plan-types";

/**
 * What an import did, for the UI and the CLI: what was left out (the headline), counts of
 * what was imported, who the codings are credited to, how the file's positions were read
 * (with passages to check when the evidence was weak), and every warning (skipped sources,
 * passages that could not be placed exactly, values that did not fit ...). Types and one
 * pure function only: the import form (a client component) imports it.
 */
export type ImportedUser = {
  name: string;
  /** "you": the importing user (matched by their own e-mail); "placeholder": any other coder, who cannot sign in. */
  kind: "you" | "placeholder";
  email: string;
  codings: number;
};

export type ImportedSource = {
  title: string;
  characters: number;
  codings: number;
  /** How this source's positions were counted (null without selections); own: its own strong evidence overrode the file's way. */
  positions: { convention: string; own: boolean } | null;
};

export type ImportSummary = {
  fileName: string;
  /** "awaiting-confirmation": nothing was written; the positions could be read two ways (see `positions`). */
  mode: "new-project" | "codebook-merge" | "awaiting-confirmation";
  /** "" while awaiting confirmation. */
  projectId: string;
  projectName: string;
  /** The producing tool, as the file says (origin attribute). */
  origin: string | null;
  counts: { sources: number; codes: number; codings: number; users: number; cases: number; variables: number; memos: number };
  /** Codebook merge: incoming codes that matched existing ones, by GUID or by name. */
  matchedCodes?: { byGuid: number; byName: number };
  /** Every coder of the file (with no codings too), and the importer when credited. */
  users: ImportedUser[];
  sources: ImportedSource[];
  /** How the file's positions were read; null when it has no selections. */
  positions: PositionReport | null;
  /** What the file holds that was left out, by kind: the summary's headline names it. */
  notImported: NotImported[];
  warnings: ImportWarning[];
};

/** The headline's sentence about what was left out. */
export function notImportedHeadline(notImported: NotImported[]): string {
  if (notImported.length === 0) return "Everything in the file that Grounded can hold was imported.";
  const parts = notImported.map((item) => item.what);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `Not imported: ${list}.`;
}
