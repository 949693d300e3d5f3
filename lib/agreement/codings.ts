/**
 * The input every units-of-analysis builder shares: codings as stored (one coder's code on a
 * span of a document, code point offsets, [start, end)) and the design of the comparison,
 * i.e. which coders, codes and documents take part. The design is explicit because absence
 * is data: a coder who applied a code nowhere, or a code nobody used, must still show up as
 * "not coded" rather than vanish.
 */

export type Coding = { coderId: string; codeId: string; documentId: string; start: number; end: number };

export type Segment = { start: number; end: number };

export type AgreementDocument = {
  id: string;
  /** Length of the document text, in the same offsets as the codings. */
  length: number;
  /** Units for segment agreement, e.g. the speaker turns. Needed by segmentUnits only. */
  segments?: ReadonlyArray<Segment>;
};

export type AgreementDesign = {
  coders: ReadonlyArray<string>;
  codes: ReadonlyArray<string>;
  documents: ReadonlyArray<AgreementDocument>;
  /**
   * Which coder was given which document. Without it every coder is taken to have coded every
   * document; with it, a document a coder was not given is missing data (null) for that
   * coder, not a unanimous "not coded".
   */
  assignments?: ReadonlyArray<{ coderId: string; documentId: string }>;
};

/** One unit of analysis: a whole document or a segment of one. */
export type AnalysisUnit = { documentId: string; start: number; end: number };

/** Reliability data for one code: rows follow design.coders, columns follow `units`; 1 coded, 0 not, null not assigned. */
export type CodeUnits = { codeId: string; coderIds: string[]; units: AnalysisUnit[]; data: (0 | 1 | null)[][] };

/**
 * The codings that belong to the design, grouped by document, code and coder. Codings of
 * coders, codes or documents outside the design are left out, so a caller may pass all of a
 * project's codings; a span outside its document is corrupt data and throws.
 */
export function groupCodings(codings: ReadonlyArray<Coding>, design: AgreementDesign): Map<string, Segment[]> {
  const coders = new Set(design.coders);
  const codes = new Set(design.codes);
  const lengths = new Map(design.documents.map((d) => [d.id, d.length]));
  const groups = new Map<string, Segment[]>();
  for (const coding of codings) {
    const length = lengths.get(coding.documentId);
    if (length === undefined || !coders.has(coding.coderId) || !codes.has(coding.codeId)) continue;
    const { start, end } = coding;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) {
      throw new RangeError(`coding [${start}, ${end}) of code ${coding.codeId} by ${coding.coderId} is not a span of document ${coding.documentId} (length ${length})`);
    }
    const key = groupKey(coding.documentId, coding.codeId, coding.coderId);
    const list = groups.get(key) ?? [];
    list.push({ start, end });
    groups.set(key, list);
  }
  return groups;
}

export function groupKey(documentId: string, codeId: string, coderId: string): string {
  return JSON.stringify([documentId, codeId, coderId]);
}

export function assignmentCheck(design: AgreementDesign): (coderId: string, documentId: string) => boolean {
  if (!design.assignments) return () => true;
  const given = new Set(design.assignments.map((a) => JSON.stringify([a.coderId, a.documentId])));
  return (coderId, documentId) => given.has(JSON.stringify([coderId, documentId]));
}

/** Positive-length intersection: spans that only touch ([0,5) and [5,9)) do not overlap. */
export function overlaps(a: Segment, b: Segment): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * One code's reliability data over the given units: `coded(coderId, unit)` decides 1 or 0,
 * unassigned documents give null.
 */
export function codeUnits(
  design: AgreementDesign,
  codeId: string,
  units: AnalysisUnit[],
  coded: (coderId: string, unit: AnalysisUnit) => boolean,
): CodeUnits {
  const assigned = assignmentCheck(design);
  const coderIds = [...design.coders];
  const data = coderIds.map((coderId) => units.map((unit) => (assigned(coderId, unit.documentId) ? (coded(coderId, unit) ? 1 : 0) : null)));
  return { codeId, coderIds, units, data };
}
