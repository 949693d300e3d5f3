import type { ImportWarning } from "./plan-types";

/**
 * What an import did, for the UI and the CLI: counts of what was imported, who the codings
 * are credited to, how each source's positions were read, and every warning (skipped
 * sources, passages that could not be placed exactly, values that did not fit ...).
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
  /** How the producer counted positions in this source, and what showed it; null without selections. */
  positions: { convention: string; evidence: "quotes" | "bounds" | "default" } | null;
};

export type ImportSummary = {
  fileName: string;
  mode: "new-project" | "codebook-merge";
  projectId: string;
  projectName: string;
  /** The producing tool, as the file says (origin attribute). */
  origin: string | null;
  counts: { sources: number; codes: number; codings: number; users: number; cases: number; variables: number; memos: number };
  /** Codebook merge: incoming codes that matched existing ones, by GUID or by name. */
  matchedCodes?: { byGuid: number; byName: number };
  users: ImportedUser[];
  sources: ImportedSource[];
  warnings: ImportWarning[];
};
