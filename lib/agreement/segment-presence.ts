import { type AgreementDesign, type AnalysisUnit, type CodeUnits, type Coding, codeUnits, groupCodings, groupKey, overlaps } from "./codings";

/**
 * Segment presence: the documents are cut into given segments (speaker turns, usually) and a
 * segment counts as coded with a code by a coder when any of that coder's spans of that code
 * overlaps it by at least one character. Coders rarely select the same characters, but they
 * usually mark the same turns; this turns their spans into units that can be compared with
 * kappa or alpha without penalising a few characters of difference at the edges.
 */
export function segmentUnits(codings: ReadonlyArray<Coding>, design: AgreementDesign): CodeUnits[] {
  const groups = groupCodings(codings, design);
  const units: AnalysisUnit[] = [];
  for (const document of design.documents) {
    if (!document.segments) throw new RangeError(`document ${document.id} has no segments`);
    for (const { start, end } of document.segments) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > document.length || start >= end) {
        throw new RangeError(`segment [${start}, ${end}) is not a span of document ${document.id} (length ${document.length})`);
      }
      units.push({ documentId: document.id, start, end });
    }
  }
  return design.codes.map((codeId) =>
    codeUnits(design, codeId, units, (coderId, unit) =>
      (groups.get(groupKey(unit.documentId, codeId, coderId)) ?? []).some((span) => overlaps(span, unit)),
    ),
  );
}
