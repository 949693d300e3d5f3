import { describe, expect, it } from "vitest";
import { characterContinua, concatenateContinua } from "../../../lib/agreement/character-continua";
import type { AgreementDesign, Coding } from "../../../lib/agreement/codings";
import { documentPresenceUnits } from "../../../lib/agreement/document-presence";
import { krippendorffAlpha } from "../../../lib/agreement/krippendorff-alpha";
import { poolCodes } from "../../../lib/agreement/pool-codes";
import { segmentUnits } from "../../../lib/agreement/segment-presence";
import { unitizingAlpha } from "../../../lib/agreement/unitizing-alpha";

const coding = (coderId: string, codeId: string, documentId: string, start: number, end: number): Coding => ({
  coderId,
  codeId,
  documentId,
  start,
  end,
});

// Two interviews cut into speaker turns; two analysts double-code them with two codes.
const DESIGN: AgreementDesign = {
  coders: ["ana", "ben"],
  codes: ["cost", "trust"],
  documents: [
    { id: "int-1", length: 100, segments: [{ start: 0, end: 30 }, { start: 30, end: 70 }, { start: 70, end: 100 }] },
    { id: "int-2", length: 50, segments: [{ start: 0, end: 25 }, { start: 25, end: 50 }] },
  ],
};

const CODINGS: Coding[] = [
  coding("ana", "cost", "int-1", 5, 20),
  coding("ben", "cost", "int-1", 10, 35), // reaches into the second turn by five characters
  coding("ana", "trust", "int-1", 75, 90),
  coding("ana", "trust", "int-2", 0, 10),
  coding("ben", "trust", "int-2", 30, 40),
  coding("carl", "cost", "int-2", 0, 50), // not in the design: ignored
  coding("ben", "memo-code", "int-1", 0, 5), // code not in the design: ignored
];

describe("document presence", () => {
  it("marks per code and document whether each coder applied the code anywhere", () => {
    const [cost, trust] = documentPresenceUnits(CODINGS, DESIGN);
    expect(cost.codeId).toBe("cost");
    expect(cost.coderIds).toEqual(["ana", "ben"]);
    expect(cost.units).toEqual([
      { documentId: "int-1", start: 0, end: 100 },
      { documentId: "int-2", start: 0, end: 50 },
    ]);
    expect(cost.data).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(trust.data).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it("gives every code of the design a row set, used or not", () => {
    const units = documentPresenceUnits([], DESIGN);
    expect(units.map((u) => u.codeId)).toEqual(["cost", "trust"]);
    expect(units[0].data).toEqual([
      [0, 0],
      [0, 0],
    ]);
    // And the statistics say why there is no figure rather than inventing one.
    expect(krippendorffAlpha(units[0].data).reason?.code).toBe("no-variation");
  });

  it("treats a document a coder was not given as missing, not as 'not coded'", () => {
    const design = { ...DESIGN, assignments: [{ coderId: "ana", documentId: "int-1" }, { coderId: "ana", documentId: "int-2" }, { coderId: "ben", documentId: "int-1" }] };
    const [cost] = documentPresenceUnits(CODINGS, design);
    expect(cost.data).toEqual([
      [1, 0],
      [1, null],
    ]);
    expect(krippendorffAlpha(cost.data)).toMatchObject({ pairableUnits: 1, droppedUnits: 1 });
  });
});

describe("segment presence", () => {
  it("counts a segment as coded when any span of the code overlaps it", () => {
    const [cost, trust] = segmentUnits(CODINGS, DESIGN);
    expect(cost.units.map((u) => `${u.documentId}:${u.start}-${u.end}`)).toEqual(["int-1:0-30", "int-1:30-70", "int-1:70-100", "int-2:0-25", "int-2:25-50"]);
    expect(cost.data).toEqual([
      [1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
    ]);
    expect(trust.data).toEqual([
      [0, 0, 1, 1, 0],
      [0, 0, 0, 0, 1],
    ]);
  });

  it("does not count a span that only touches a segment's boundary", () => {
    const [cost] = segmentUnits([coding("ana", "cost", "int-1", 20, 30)], DESIGN);
    expect(cost.data[0]).toEqual([1, 0, 0, 0, 0]);
  });

  it("pools codes into one overall matrix, one column per code and segment", () => {
    const pooled = poolCodes(segmentUnits(CODINGS, DESIGN));
    expect(pooled.coderIds).toEqual(["ana", "ben"]);
    expect(pooled.units).toHaveLength(10);
    expect(pooled.units[5]).toEqual({ documentId: "int-1", start: 0, end: 30, codeId: "trust" });
    expect(pooled.data[1]).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(poolCodes([])).toEqual({ coderIds: [], units: [], data: [] });
  });

  it("needs segments, inside their document", () => {
    expect(() => segmentUnits([], { ...DESIGN, documents: [{ id: "int-1", length: 100 }] })).toThrow(/no segments/);
    expect(() => segmentUnits([], { ...DESIGN, documents: [{ id: "int-1", length: 10, segments: [{ start: 5, end: 11 }] }] })).toThrow(RangeError);
  });
});

describe("character spans for alpha for unitizing", () => {
  it("gives one continuum per document with each coder's spans, category = code", () => {
    const [first, second] = characterContinua(CODINGS, DESIGN);
    expect(first).toEqual({
      documentId: "int-1",
      length: 100,
      coders: [
        { coderId: "ana", spans: [{ start: 5, end: 20, category: "cost" }, { start: 75, end: 90, category: "trust" }] },
        { coderId: "ben", spans: [{ start: 10, end: 35, category: "cost" }] },
      ],
    });
    expect(second.coders.map((c) => c.spans.length)).toEqual([1, 1]);
    expect(unitizingAlpha(first, { categories: DESIGN.codes }).perCategory.map((c) => c.category)).toEqual(["cost", "trust"]);
  });

  it("leaves out coders not given a document", () => {
    const design = { ...DESIGN, assignments: [{ coderId: "ana", documentId: "int-1" }, { coderId: "ben", documentId: "int-1" }, { coderId: "ana", documentId: "int-2" }] };
    const [, second] = characterContinua(CODINGS, design);
    expect(second.coders.map((c) => c.coderId)).toEqual(["ana"]);
    expect(unitizingAlpha(second).reason?.code).toBe("fewer-than-two-coders");
  });

  it("concatenates documents end to end for a study-wide figure", () => {
    const joined = concatenateContinua(characterContinua(CODINGS, DESIGN));
    expect(joined.length).toBe(150);
    expect(joined.coders[1]).toEqual({
      coderId: "ben",
      spans: [{ start: 10, end: 35, category: "cost" }, { start: 130, end: 140, category: "trust" }],
    });
    expect(concatenateContinua([])).toEqual({ length: 0, coders: [] });
  });

  it("refuses to concatenate continua with different coders", () => {
    const continua = characterContinua(CODINGS, DESIGN);
    const other = { ...continua[1], coders: [continua[1].coders[1], continua[1].coders[0]] };
    expect(() => concatenateContinua([continua[0], other])).toThrow(/same coders/);
  });
});

describe("codings input", () => {
  it("refuses a coding outside its document", () => {
    expect(() => documentPresenceUnits([coding("ana", "cost", "int-2", 40, 51)], DESIGN)).toThrow(RangeError);
    expect(() => documentPresenceUnits([coding("ana", "cost", "int-2", 10, 10)], DESIGN)).toThrow(RangeError);
  });

  it("ignores codings of documents outside the design", () => {
    expect(documentPresenceUnits([coding("ana", "cost", "int-9", 0, 500)], DESIGN)[0].data).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});
