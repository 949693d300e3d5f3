import type { FindingFigure } from "./figure";

/**
 * A figure as computed now. Figures are never stored: each view computes them from the
 * codings and case attributes as they are (see figures-data.ts).
 */

export type RankedCode = { codeId: string; name: string; rank: number; interviews: number; share: number | null };

export type FigureDetails =
  | { kind: "interview-share"; code: { id: string; name: string } | null; filterLabel: string; interviews: number; documents: number }
  | {
      kind: "attribute-ratio";
      numerator: { attributeId: string; name: string; sum: number }[];
      denominator: { attributeId: string; name: string; sum: number }[];
      filterLabel: string;
      cases: number;
    }
  | { kind: "code-ranking"; parent: { id: string; name: string } | null; filterLabel: string; documents: number; ranking: RankedCode[] };

export type FigureResult = {
  kind: FindingFigure["kind"];
  /** What is computed, in words, e.g. "Interviews coded “Cost versus value” (all cases)". */
  label: string;
  /** Whose coding counts; null for a figure of case attributes only, which no coding changes. */
  selectionLabel: string | null;
  /** 0..1 for a share (a ratio may exceed 1); null for a ranking, or when it cannot be computed. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** "88%"; for a ranking, the codes in rank order; "—" with a problem. */
  display: string;
  /** "123 of 140" for shares and ratios. */
  fraction: string | null;
  details: FigureDetails;
  /** Why there is no value: a deleted code or attribute, an empty denominator. */
  problem: string | null;
};
