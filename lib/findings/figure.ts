import { z } from "zod";
import { type CaseFilter, caseFilterSchema } from "../analysis/case-filter";

/**
 * A finding's live figure, stored as Finding.figure (JSON) and checked with this schema on
 * every write and every read: the definition only, never a computed value. Ids, not names,
 * so renaming a code or attribute does not break a finding.
 *
 * - interview-share: share of interviews (documents) coded with a code or a sub-code, among
 *   the documents of the cases that pass `filter` (all documents when it is empty).
 * - attribute-ratio: sum over the filtered cases of the numerator attributes / sum of the
 *   denominator attributes (e.g. tf_only_aws / tf_only). Missing values count 0.
 * - code-ranking: a parent code's live children ranked by interview coverage (within the filter).
 *
 * `statedAs` says how to read Finding.statedValue for the mismatch check (see stated.ts):
 * which comparison the report makes and the precision its figure is written in. It lives
 * here because the Finding row has no column for it; a ranking has no single value and so
 * no stated comparison.
 */

const id = z.string().trim().min(1).max(64);

export const statedAsSchema = z.strictObject({
  relation: z.enum(["approximately", "lessThan", "moreThan"]),
  /** The unit the stated figure is rounded to: 0.01 for "88%", 0.1 for "nine out of ten". */
  precision: z.number().positive().max(1),
});

const filter = caseFilterSchema.default([]);

export const interviewShareFigureSchema = z.strictObject({
  kind: z.literal("interview-share"),
  codeId: id,
  filter,
  statedAs: statedAsSchema.optional(),
});

export const attributeRatioFigureSchema = z.strictObject({
  kind: z.literal("attribute-ratio"),
  numerator: z.array(id).min(1).max(20),
  denominator: z.array(id).min(1).max(20),
  filter,
  statedAs: statedAsSchema.optional(),
});

export const codeRankingFigureSchema = z.strictObject({
  kind: z.literal("code-ranking"),
  parentCodeId: id,
  filter,
});

export const findingFigureSchema = z.discriminatedUnion("kind", [interviewShareFigureSchema, attributeRatioFigureSchema, codeRankingFigureSchema]);

export type StatedAs = z.infer<typeof statedAsSchema>;
export type FindingFigure = z.infer<typeof findingFigureSchema>;
export type FindingFigureInput = z.input<typeof findingFigureSchema>;

/** The codes and attributes a figure refers to, to check they are the project's own. */
export function figureReferences(figure: FindingFigure): { codeIds: string[]; attributeIds: string[]; filter: CaseFilter } {
  const filterIds = figure.filter.map((c) => c.attributeId);
  switch (figure.kind) {
    case "interview-share":
      return { codeIds: [figure.codeId], attributeIds: filterIds, filter: figure.filter };
    case "attribute-ratio":
      return { codeIds: [], attributeIds: [...figure.numerator, ...figure.denominator, ...filterIds], filter: figure.filter };
    case "code-ranking":
      return { codeIds: [figure.parentCodeId], attributeIds: filterIds, filter: figure.filter };
  }
}

/** Reads a stored figure: the figure, or why it cannot be used (a row written by hand, an older shape). */
export function readStoredFigure(json: unknown): { figure: FindingFigure | null; problem: string | null } {
  if (json === null || json === undefined) return { figure: null, problem: null };
  const parsed = findingFigureSchema.safeParse(json);
  if (parsed.success) return { figure: parsed.data, problem: null };
  return { figure: null, problem: `The stored figure is not valid (${parsed.error.issues[0]?.message ?? "unknown shape"}); edit the finding to define it again.` };
}
