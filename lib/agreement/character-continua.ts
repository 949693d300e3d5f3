import { type AgreementDesign, type Coding, assignmentCheck, groupCodings, groupKey } from "./codings";
import type { UnitizedContinuum } from "./unitizing-alpha";

/**
 * Character spans for Krippendorff's alpha for unitizing: one continuum per document, the
 * document's characters, with each assigned coder's codings as spans whose category is the
 * code. Nothing is rounded to segments: this is the strictest comparison, in which where a span
 * starts and ends matters.
 */
export type DocumentContinuum = UnitizedContinuum & { documentId: string };

export function characterContinua(codings: ReadonlyArray<Coding>, design: AgreementDesign): DocumentContinuum[] {
  const groups = groupCodings(codings, design);
  const assigned = assignmentCheck(design);
  return design.documents.map((document) => ({
    documentId: document.id,
    length: document.length,
    coders: design.coders
      .filter((coderId) => assigned(coderId, document.id))
      .map((coderId) => ({
        coderId,
        spans: design.codes.flatMap((codeId) =>
          (groups.get(groupKey(document.id, codeId, coderId)) ?? []).map((s) => ({ ...s, category: codeId })),
        ),
      })),
  }));
}

/**
 * Several documents as one continuum, end to end, for a figure over a whole study. The
 * coefficient is defined for one continuum, so the documents are laid one after the other;
 * a gap at the end of one document and one at the start of the next then count as one gap.
 * Every continuum must have the same coders (in the same order), since a coder who did not
 * see a document has no place in a shared continuum.
 */
export function concatenateContinua(continua: ReadonlyArray<UnitizedContinuum>): UnitizedContinuum {
  const coderIds = continua[0]?.coders.map((c) => c.coderId) ?? [];
  let offset = 0;
  const spans = coderIds.map(() => [] as { start: number; end: number; category: string }[]);
  for (const continuum of continua) {
    const ids = continuum.coders.map((c) => c.coderId);
    if (ids.join("\u0000") !== coderIds.join("\u0000")) {
      throw new RangeError(`every continuum needs the same coders to be concatenated: [${ids.join(", ")}] vs [${coderIds.join(", ")}]`);
    }
    continuum.coders.forEach((coder, i) => {
      for (const s of coder.spans) spans[i].push({ start: s.start + offset, end: s.end + offset, category: s.category });
    });
    offset += continuum.length;
  }
  return { length: offset, coders: coderIds.map((coderId, i) => ({ coderId, spans: spans[i] })) };
}
