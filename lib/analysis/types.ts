import type { CoderSelection } from "./coder-selection";

/**
 * What the analysis reads return. Units: an *interview* is a document; a *case* is the
 * interviewee or team a document belongs to (a case may have several documents, a document
 * may have no case). Shares are fractions 0..1, null when the denominator is 0.
 */

export type CoderRef = { id: string; name: string };

/** The figures of one code, rolled up: the code itself and every live code below it. */
export type ThemeFigures = {
  /** Passages of the code or a sub-code (a passage coded with two sub-codes counts once for each). */
  passages: number;
  /** Passages coded with this code itself. */
  ownPassages: number;
  /** Documents with at least one passage; each counted once however many sub-codes it has. */
  interviews: number;
  /** Cases with at least one such document. */
  cases: number;
  /** Sum of the weight attribute over those cases (missing values count 0); null without a weight attribute. */
  weighted: number | null;
  /** Rank among the code's live siblings by interviews, ties sharing a rank (1, 2, 2, 4). */
  siblingRank: number;
};

export type CoderFigures = { coderId: string; passages: number; interviews: number };

export type ThemeRow = ThemeFigures & {
  codeId: string;
  parentId: string | null;
  name: string;
  colour: string;
  depth: number;
  interviewShare: number | null;
  caseShare: number | null;
  weightedShare: number | null;
  /** One entry per analyst of ThemeSummaries.coders, in that order, under that analyst's own coding (none for a code outside the `analystsOf` asked for). */
  byCoder: CoderFigures[];
};

export type ThemeSummaries = {
  selection: CoderSelection;
  selectionLabel: string;
  totals: {
    documents: number;
    cases: number;
    weight: { attributeId: string; name: string; total: number } | null;
  };
  /** Analysts: members who may code, and anyone whose codings are in the project. */
  coders: CoderRef[];
  /** Live codes in codebook reading order (parents before their children). */
  rows: ThemeRow[];
};

export type CrosstabCategory = { value: string | null; label: string; cases: number };

export type Crosstab = {
  selection: CoderSelection;
  selectionLabel: string;
  /** label: what readers see (lib/cases/label.ts); name: the key. */
  attribute: { id: string; name: string; label: string };
  /** The attribute's categories in their order, then values found but not listed, then "no value" if any case lacks one. */
  categories: CrosstabCategory[];
  rows: {
    codeId: string;
    name: string;
    depth: number;
    /** One cell per category, same order: cases of that category with the code, and their share of the category. */
    cells: { category: string | null; cases: number; share: number | null }[];
    cases: number;
  }[];
};

export type CoOccurrenceCell = {
  /** Sorted pair of distinct code ids. */
  codeIds: [string, string];
  /** Documents with passages of both codes. */
  interviews: number;
  /** Overlaps: pairs of a passage of one code and a passage of the other sharing at least one character. */
  passages: number;
};

export type CoOccurrence = {
  selection: CoderSelection;
  selectionLabel: string;
  /** The codes of the matrix, in reading order: the whole codebook when small, else the most frequent (see getCoOccurrence). */
  codes: { codeId: string; name: string; depth: number; parentId: string | null }[];
  /** Only pairs (of the codes above) that co-occur in at least one interview. */
  cells: CoOccurrenceCell[];
  /** Codes with at least one passage under the selection, and how many of them the matrix leaves out. */
  coded: number;
  omitted: number;
};
