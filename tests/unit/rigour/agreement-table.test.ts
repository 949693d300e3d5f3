import { describe, expect, it } from "vitest";
import {
  type AgreementDesign,
  type Coding,
  characterContinua,
  cohensKappa,
  concatenateContinua,
  documentPresenceUnits,
  krippendorffAlpha,
  percentAgreement,
  poolCodes,
  segmentUnits,
  unitizingAlpha,
} from "../../../lib/agreement";
import { computeAgreementFigures, studyContinuum } from "../../../lib/rigour/agreement-table";
import { presenceCounts } from "../../../lib/rigour/presence";
import { presenceFigures } from "../../../lib/rigour/presence-stats";

// A seeded generator: the same random designs on every run.
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** A random study: documents cut into segments (sometimes overlapping or unsorted), codings by m coders. */
function randomStudy(seed: number, m: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const coders = Array.from({ length: m }, (_, i) => `coder-${i}`);
  const codes = Array.from({ length: 1 + int(5) }, (_, i) => `code-${i}`);
  const documents = Array.from({ length: 1 + int(4) }, (_, d) => {
    const length = 50 + int(400);
    const cuts = [...new Set([0, length, ...Array.from({ length: int(8) }, () => int(length))])].sort((a, b) => a - b);
    let segments = cuts.slice(1).map((end, i) => ({ start: cuts[i], end }));
    if (next() < 0.2) segments = segments.reverse();
    if (next() < 0.2 && length > 20) segments.push({ start: 5, end: 15 }); // overlaps another
    return { id: `doc-${d}`, length, segments };
  });
  const codings: Coding[] = [];
  const count = int(60);
  for (let i = 0; i < count; i++) {
    const doc = documents[int(documents.length)];
    const start = int(doc.length - 1);
    codings.push({ coderId: coders[int(m)], codeId: codes[int(codes.length)], documentId: doc.id, start, end: start + 1 + int(Math.min(80, doc.length - start - 1)) });
  }
  // Codings outside the design are ignored by both paths.
  codings.push({ coderId: "stranger", codeId: codes[0], documentId: documents[0].id, start: 0, end: 1 });
  const design: AgreementDesign = { coders, codes, documents };
  return { codings, design };
}

const same = (a: { value: number | null }, b: { value: number | null }) => {
  if (a.value === null || b.value === null) expect(a.value).toBe(b.value);
  else expect(a.value).toBeCloseTo(b.value, 10);
};

describe("presence counts give lib/agreement's figures", () => {
  it("for document and segment units, per code and pooled, with 1 to 6 coders, on 300 random studies", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const m = 1 + (seed % 6);
      const { codings, design } = randomStudy(seed, m);
      for (const unit of ["document", "segment"] as const) {
        const reference = unit === "document" ? documentPresenceUnits(codings, design) : segmentUnits(codings, design);
        const counts = presenceCounts(codings, design, unit);
        const pairs: [(0 | 1 | null)[][], (typeof counts)[number]][] = reference.map((r, i) => [r.data, counts[i]]);
        const pooled = poolCodes(reference).data;
        const pooledCounts = {
          units: counts.reduce((n, c) => n + c.units, 0),
          byCoders: counts[0].byCoders.map((_, k) => counts.reduce((n, c) => n + c.byCoders[k], 0)),
          perCoder: counts[0].perCoder.map((_, i) => counts.reduce((n, c) => n + c.perCoder[i], 0)),
        };
        pairs.push([pooled, pooledCounts]);
        for (const [data, c] of pairs) {
          const fast = presenceFigures(c);
          const alpha = krippendorffAlpha(data);
          const percent = percentAgreement(data);
          same(fast.alpha, alpha);
          same(fast.percent, percent);
          expect(fast.alpha.reason?.code ?? null).toBe(alpha.reason?.code ?? null);
          expect(fast.percent.reason?.code ?? null).toBe(percent.reason?.code ?? null);
          expect(fast.stabilityNote).toBe(alpha.stabilityNote ?? percent.stabilityNote);
          expect(c.perCoder).toEqual(data.map((row) => row.filter((v) => v === 1).length));
          if (m === 2) {
            const kappa = cohensKappa(data);
            same(fast.kappa!, kappa);
            expect(fast.kappa!.reason?.code ?? null).toBe(kappa.reason?.code ?? null);
          } else if (m > 2) {
            expect(fast.kappa).toBeNull();
          }
        }
      }
    }
  });
});

describe("character spans", () => {
  it("build the same continuum as lib/agreement and pool alpha_u as unitizingAlpha does", async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const m = 2 + (seed % 3);
      const { codings, design } = randomStudy(seed, m);
      const reference = concatenateContinua(characterContinua(codings, design));
      const ours = studyContinuum(codings, design);
      expect(ours.length).toBe(reference.length);
      const sort = (spans: readonly { start: number; end: number; category: string }[]) => [...spans].sort((a, b) => a.start - b.start || a.end - b.end || a.category.localeCompare(b.category));
      ours.coders.forEach((c, i) => expect(sort(c.spans)).toEqual(sort(reference.coders[i].spans)));

      const table = await computeAgreementFigures(codings, design, "span");
      const used = design.codes.filter((code) => codings.some((c) => c.codeId === code && design.coders.includes(c.coderId)));
      const all = unitizingAlpha(reference, { categories: used });
      if (used.length > 0) same(table.overall.alpha, all);
      expect(table.overall.units).toBe(used.length > 0 ? all.markedUnits : 0);
    }
  });
});

describe("the agreement table", () => {
  const design: AgreementDesign = {
    coders: ["ana", "ben"],
    codes: ["cost", "trust", "unused"],
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
  ];

  it("never holds NaN: undefined figures carry a reason the page shows", async () => {
    for (const unit of ["document", "segment", "span"] as const) {
      const table = await computeAgreementFigures(codings, design, unit);
      const json = JSON.stringify(table);
      expect(json).not.toMatch(/NaN|null,"note":null/);
      const unused = table.rows[2];
      expect(unused.inUse).toBe(false);
      const absent = "no variation: both analysts agree it is absent everywhere (not applied by these analysts in these documents); left out of the overall figure";
      expect(unused.alpha).toEqual({ value: null, note: absent });
      expect(unused.pooled).toBe(false);
      // No "100%" for a code nobody applied: percent agreement is withheld with the same reason.
      if (unit !== "span") expect(unused.percent).toEqual({ value: null, note: absent });
      for (const row of [...table.rows, table.overall]) {
        for (const f of [row.percent, row.kappa, row.alpha]) expect(f.value === null ? typeof f.note : typeof f.value).toBe(f.value === null ? "string" : "number");
      }
    }
  });

  it("computes segment figures over the codes in use, with the stability note for few units", async () => {
    const table = await computeAgreementFigures(codings, design, "segment");
    // cost: ana [1,0,0,0,0], ben [1,1,0,0,0]; trust: ana [0,0,0,1,0], ben [0,0,0,0,1].
    expect(table.rows[0].perCoder).toEqual([1, 2]);
    expect(table.rows[0].percent.value).toBeCloseTo(4 / 5, 12);
    expect(table.rows[0].units).toBe(5);
    expect(table.rows[0].stabilityNote).toMatch(/only 5 pairable units/);
    const pooled = [
      [1, 0, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 0, 0, 0, 0, 0, 0, 0, 1],
    ] as (0 | 1)[][];
    expect(table.overall.alpha.value).toBeCloseTo(krippendorffAlpha(pooled).value!, 12);
    expect(table.overall.kappa.value).toBeCloseTo(cohensKappa(pooled).value!, 12);
    expect(table.overall.units).toBe(10);
  });

  it("says kappa needs two analysts, and percent/kappa are not defined for spans", async () => {
    const three = await computeAgreementFigures(codings, { ...design, coders: ["ana", "ben", "cy"] }, "segment");
    expect(three.overall.kappa).toEqual({ value: null, note: expect.stringMatching(/exactly two analysts/) });
    const spans = await computeAgreementFigures(codings, design, "span");
    expect(spans.overall.percent.note).toMatch(/not defined for character spans/);
    expect(spans.overall.alpha.value).not.toBeNull();
  });

  it("with no documents, says so", async () => {
    const table = await computeAgreementFigures(codings, { ...design, documents: [] }, "segment");
    expect(table.overall.alpha).toEqual({ value: null, note: "no documents to compare" });
  });
});
