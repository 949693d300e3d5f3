import { describe, expect, it } from "vitest";
import { type AgreementDesign, type Coding, codesWithVariation, krippendorffAlpha, poolCodes, segmentUnits, variationOf } from "../../../lib/agreement";
import { OVERALL_LABEL, computeAgreementFigures } from "../../../lib/rigour/agreement-table";
import { methodsParagraph } from "../../../lib/rigour/methods";

// Five speaker turns (three in d1, two in d2), two analysts, five codes:
//   cost    ana [1,0,0,0,0]  ben [1,1,0,0,0]   varies
//   trust   ana [0,0,0,1,0]  ben [0,0,0,0,1]   varies
//   always  ana [1,1,1,1,1]  ben [1,1,1,1,1]   no variation: present everywhere (alpha 0/0)
//   unused  nobody applied it                  no variation: absent everywhere
//   theme   a parent code nobody applied directly (its sub-codes are cost and trust)
const design: AgreementDesign = {
  coders: ["ana", "ben"],
  codes: ["theme", "cost", "trust", "always", "unused"],
  documents: [
    { id: "d1", length: 100, segments: [{ start: 0, end: 30 }, { start: 30, end: 70 }, { start: 70, end: 100 }] },
    { id: "d2", length: 50, segments: [{ start: 0, end: 25 }, { start: 25, end: 50 }] },
  ],
};
const codings: Coding[] = [
  { coderId: "ana", codeId: "cost", documentId: "d1", start: 5, end: 20 },
  { coderId: "ben", codeId: "cost", documentId: "d1", start: 10, end: 35 },
  { coderId: "ana", codeId: "trust", documentId: "d2", start: 0, end: 10 },
  { coderId: "ben", codeId: "trust", documentId: "d2", start: 30, end: 40 },
  ...["ana", "ben"].flatMap((coderId) => [
    { coderId, codeId: "always", documentId: "d1", start: 0, end: 100 },
    { coderId, codeId: "always", documentId: "d2", start: 0, end: 50 },
  ]),
];
const parentCodes = new Set(["theme"]);

// By hand, pooling cost and trust only: 10 (code, turn) pairs; both coded 1, only ana 1, only
// ben 2, neither 6. n = 20 values, n_1 = 2*1 + 1 + 2 = 5, n_0 = 15, o_01 = 3 disagreeing pairs.
//   alpha   = 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19*3 / (15*5) = 18/75 = 0.24
//   percent = 7 agreeing pairs / 10 = 0.7
//   kappa   p_o = 0.7, p_A = 0.2, p_B = 0.3, p_c = 0.2*0.3 + 0.8*0.7 = 0.62; (0.7 - 0.62)/0.38 = 4/19
// Counting "always" as well (the old pooling) would add 5 unanimous pairs: alpha 1 - 29*3/(15*15) = 0.6133.
const ALPHA = 18 / 75;
const PERCENT = 0.7;
const KAPPA = 4 / 19;

describe("lib/agreement: which codes an overall figure pools", () => {
  const perCode = segmentUnits(codings, design);
  const byId = new Map(perCode.map((c) => [c.codeId, c]));

  it("tells codes that vary from codes absent or present everywhere", () => {
    expect(variationOf(byId.get("cost")!)).toBe("varies");
    expect(variationOf(byId.get("always")!)).toBe("present");
    expect(variationOf(byId.get("unused")!)).toBe("absent");
    expect(variationOf(byId.get("theme")!)).toBe("absent");
    expect(variationOf({ codeId: "x", coderIds: ["a", "b"], units: [{ documentId: "d", start: 0, end: 1 }], data: [[1], [null]] })).toBe("none");
  });

  it("a code without variation has no alpha of its own (0/0), not 1", () => {
    const always = krippendorffAlpha(byId.get("always")!.data);
    expect(always.value).toBeNull();
    expect(always.reason?.code).toBe("no-variation");
  });

  it("pools only the codes with variation: alpha = 18/75, not the 0.613 that counting the constant code gives", () => {
    const varying = codesWithVariation(perCode);
    expect(varying.map((c) => c.codeId)).toEqual(["cost", "trust"]);
    expect(krippendorffAlpha(poolCodes(varying).data).value).toBeCloseTo(ALPHA, 12);
    // The old pooling, over every code in use: "always" adds five unanimous pairs.
    const inUse = perCode.filter((c) => ["cost", "trust", "always"].includes(c.codeId));
    expect(krippendorffAlpha(poolCodes(inUse).data).value).toBeCloseTo(1 - 87 / 225, 12);
  });
});

describe("the agreement table's overall figure and its rows", () => {
  it("leaves codes without variation out of the overall figure (segment unit), with values computed by hand", async () => {
    const table = await computeAgreementFigures(codings, design, "segment", { parentCodes });
    expect(table.overall.units).toBe(10);
    expect(table.overall.alpha.value).toBeCloseTo(ALPHA, 12);
    expect(table.overall.percent.value).toBeCloseTo(PERCENT, 12);
    expect(table.overall.kappa.value).toBeCloseTo(KAPPA, 12);
    expect(table.rows.map((r) => r.pooled)).toEqual([false, true, true, false, false]);
    expect(table.pooling).toBe(
      "The overall figures pool the 2 codes with variation, every code × segment pair counted as one decision; each figure is computed once from the summed counts, not averaged over codes. Left out: 1 code in use without variation (no coefficient of its own); 2 codes no analyst applied here.",
    );
  });

  it("shows n/a with the reason for a code present everywhere, keeping its (true) 100% percent agreement", async () => {
    const table = await computeAgreementFigures(codings, design, "segment", { parentCodes });
    const always = table.rows[3];
    const why = "no variation: both analysts agree it is present everywhere (applied to every segment); left out of the overall figure";
    expect(always.alpha).toEqual({ value: null, note: why });
    expect(always.kappa).toEqual({ value: null, note: why });
    expect(always.percent).toEqual({ value: 1, note: null });
  });

  it("shows no figure at all for a code nobody applied, nor for a parent code never applied directly", async () => {
    for (const unit of ["document", "segment"] as const) {
      const table = await computeAgreementFigures(codings, design, unit, { parentCodes });
      const [theme, , , , unused] = table.rows;
      const parent = "parent code not applied directly: its sub-codes carry the figures";
      for (const f of [theme.percent, theme.kappa, theme.alpha]) expect(f).toEqual({ value: null, note: parent });
      expect(theme.stabilityNote).toBeNull();
      for (const f of [unused.percent, unused.kappa, unused.alpha]) expect(f.note).toMatch(/^no variation: both analysts agree it is absent everywhere/);
    }
    const spans = await computeAgreementFigures(codings, design, "span", { parentCodes });
    expect(spans.rows[0].alpha).toEqual({ value: null, note: "parent code not applied directly: its sub-codes carry the figures" });
  });

  it("at the document unit, pools what varies there: cost and trust are each coded by both in one interview, not the other", async () => {
    // Documents: cost ana [1,0] ben [1,0]; trust ana [0,1] ben [0,1]; always [1,1] for both.
    // Pooled over cost and trust: 4 pairs, all agreeing, n_1 = 4, n_0 = 4, o_01 = 0: alpha = 1.
    const table = await computeAgreementFigures(codings, design, "document", { parentCodes });
    expect(table.rows.map((r) => r.pooled)).toEqual([false, true, true, false, false]);
    expect(table.overall.units).toBe(4);
    expect(table.overall.alpha.value).toBe(1);
  });

  it("when every code in use lacks variation, the overall figure is n/a and says why", async () => {
    const only = { ...design, codes: ["always", "unused"] };
    const table = await computeAgreementFigures(codings, only, "segment");
    expect(table.overall.alpha).toEqual({ value: null, note: "no code in use varies: each was applied by both analysts to every segment" });
    expect(table.overall.percent.value).toBeNull();
    expect(table.pooling).toMatch(/^The overall figures have no code with variation to pool/);
  });

  it("the methods paragraph states the pooling after the overall figures", async () => {
    const table = await computeAgreementFigures(codings, design, "segment", { parentCodes });
    const text = methodsParagraph({
      ...table,
      unit: "segment",
      coders: [{ name: "Ana" }, { name: "Ben" }],
      documents: 2,
      totalDocuments: 2,
      codes: design.codes.map((id) => ({ id, name: id })),
      blind: false,
    });
    expect(text).toContain(`was ${ALPHA.toFixed(2)} overall`);
    expect(text).toContain(table.pooling);
    expect(OVERALL_LABEL).toMatch(/codes with variation/);
  });
});
