import { type AttributeValueRow, valueOf } from "./case-filter";
import { competitionRanks, liveCodes, subtrees, type TreeCode } from "./code-tree";
import type { CoderSelection } from "./coder-selection";
import { type CodingRow, overlaps, type Passage, selectPassages } from "./passages";
import type { CoderFigures, CoOccurrenceCell, ThemeFigures } from "./types";

/**
 * The analysis figures computed in plain TypeScript from a project's rows, the slow and
 * obvious way. The app computes them in SQL (lib/analysis/data.ts); the database tests
 * compare the two on the demo study and on edge cases.
 */

export type AnalysisRows = {
  codes: readonly TreeCode[];
  documents: readonly { id: string; caseId: string | null }[];
  cases: readonly { id: string }[];
  values: readonly AttributeValueRow[];
  /** All codings of the project, under deleted codes too: the reference leaves those out itself. */
  codings: readonly CodingRow[];
  /** The consensus layer: ConsensusCoding rows of decisions not undone (any coderId). */
  consensus?: readonly CodingRow[];
};

function prepare(rows: AnalysisRows, selection: CoderSelection) {
  const codes = liveCodes(rows.codes);
  const live = new Set(codes.map((c) => c.id));
  const source = selection.kind === "consensus" ? (rows.consensus ?? []) : rows.codings;
  const codings = source.filter((c) => live.has(c.codeId));
  const caseOf = new Map(rows.documents.map((d) => [d.id, d.caseId]));
  return { codes, codings, caseOf, below: subtrees(codes), passages: selectPassages(codings, selection) };
}

const inSubtree = (passages: Passage[], subtree: Set<string>) => passages.filter((p) => subtree.has(p.codeId));

export function referenceThemeFigures(rows: AnalysisRows, selection: CoderSelection, weightAttributeId: string | null): Map<string, ThemeFigures> {
  const { codes, caseOf, below, passages } = prepare(rows, selection);
  const weight = new Map(rows.values.filter((v) => v.attributeId === weightAttributeId).map((v) => [v.caseId, v.numberValue ?? 0]));
  const figures = new Map<string, ThemeFigures>();
  for (const code of codes) {
    const mine = inSubtree(passages, below.get(code.id)!);
    const documents = new Set(mine.map((p) => p.documentId));
    const cases = new Set([...documents].map((d) => caseOf.get(d)).filter((c): c is string => !!c));
    figures.set(code.id, {
      passages: mine.length,
      ownPassages: mine.filter((p) => p.codeId === code.id).length,
      interviews: documents.size,
      cases: cases.size,
      weighted: weightAttributeId === null ? null : [...cases].reduce((sum, c) => sum + (weight.get(c) ?? 0), 0),
      siblingRank: 0,
    });
  }
  const parents = new Set(codes.map((c) => c.parentId));
  for (const parent of parents) {
    const siblings = codes.filter((c) => c.parentId === parent);
    const ranks = competitionRanks(siblings, (c) => figures.get(c.id)!.interviews);
    for (const sibling of siblings) figures.get(sibling.id)!.siblingRank = ranks.get(sibling)!;
  }
  return figures;
}

/** Each analyst's own figures per code (rolled up), for analysts with codings of live codes; absent means zero. */
export function referenceCoderFigures(rows: AnalysisRows): Map<string, CoderFigures[]> {
  const { codes, codings, below } = prepare(rows, { kind: "any" });
  const coders = [...new Set(codings.map((c) => c.coderId))];
  const out = new Map<string, CoderFigures[]>(codes.map((c) => [c.id, []]));
  for (const coderId of coders) {
    const passages = selectPassages(codings, { kind: "coder", coderId });
    for (const code of codes) {
      const mine = inSubtree(passages, below.get(code.id)!);
      if (mine.length > 0) out.get(code.id)!.push({ coderId, passages: mine.length, interviews: new Set(mine.map((p) => p.documentId)).size });
    }
  }
  return out;
}

/** Category of each case for an attribute: its text (or yes/no), null when it has none. */
export function caseCategories(rows: AnalysisRows, attributeId: string): Map<string, string | null> {
  const values = new Map(rows.values.filter((v) => v.attributeId === attributeId).map((v) => [v.caseId, valueOf(v)]));
  return new Map(
    rows.cases.map((c) => {
      const value = values.get(c.id);
      return [c.id, value === undefined || value === null ? null : typeof value === "boolean" ? (value ? "yes" : "no") : String(value)];
    }),
  );
}

/** Cases with each code (rolled up), by category: code id -> category -> number of cases. */
export function referenceCrosstab(rows: AnalysisRows, selection: CoderSelection, attributeId: string): Map<string, Map<string | null, number>> {
  const { codes, caseOf, below, passages } = prepare(rows, selection);
  const category = caseCategories(rows, attributeId);
  const out = new Map<string, Map<string | null, number>>();
  for (const code of codes) {
    const cases = new Set(inSubtree(passages, below.get(code.id)!).map((p) => caseOf.get(p.documentId)).filter((c): c is string => !!c));
    const counts = new Map<string | null, number>();
    for (const c of cases) counts.set(category.get(c) ?? null, (counts.get(category.get(c) ?? null) ?? 0) + 1);
    out.set(code.id, counts);
  }
  return out;
}

/** Pairs of codes (as coded, not rolled up) that occur in the same interview. */
export function referenceCoOccurrence(rows: AnalysisRows, selection: CoderSelection): CoOccurrenceCell[] {
  const { codes, passages } = prepare(rows, selection);
  const ids = codes.map((c) => c.id).sort();
  // Each code's passages once: a thousand codes make half a million pairs.
  const byCode = new Map(ids.map((id) => [id, passages.filter((p) => p.codeId === id)]));
  const cells: CoOccurrenceCell[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = byCode.get(ids[i])!;
      const b = byCode.get(ids[j])!;
      const documents = new Set(a.map((p) => p.documentId));
      const interviews = new Set(b.map((p) => p.documentId).filter((d) => documents.has(d))).size;
      if (interviews === 0) continue;
      const overlapping = a.reduce((n, x) => n + b.filter((y) => y.documentId === x.documentId && overlaps(x, y)).length, 0);
      cells.push({ codeIds: [ids[i], ids[j]], interviews, passages: overlapping });
    }
  }
  return cells;
}
