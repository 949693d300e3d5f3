import { type AgreementDesign, type AnalysisUnit, type CodeUnits, type Coding, codeUnits, groupCodings, groupKey } from "./codings";

/**
 * Document presence: for each code, whether each coder applied it anywhere in each document.
 * The coarsest unit of analysis, and the one that matches how qualitative findings are often
 * reported ("the theme appears in 7 of 12 interviews"): agreement here says whether two coders
 * would report the same documents, whatever passages they chose.
 */
export function documentPresenceUnits(codings: ReadonlyArray<Coding>, design: AgreementDesign): CodeUnits[] {
  const groups = groupCodings(codings, design);
  const units: AnalysisUnit[] = design.documents.map((d) => ({ documentId: d.id, start: 0, end: d.length }));
  return design.codes.map((codeId) =>
    codeUnits(design, codeId, units, (coderId, unit) => groups.has(groupKey(unit.documentId, codeId, coderId))),
  );
}
