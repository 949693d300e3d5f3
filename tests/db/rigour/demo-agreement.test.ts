import { beforeAll, describe, expect, it } from "vitest";
import { characterContinua, codesWithVariation, cohensKappa, concatenateContinua, documentPresenceUnits, krippendorffAlpha, percentAgreement, poolCodes, unitizingAlpha } from "../../../lib/agreement";
import { loadDemoStudy } from "../../../lib/demo";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { getAgreement } from "../../../lib/rigour/agreement";
import { methodsFor, runAgreementExport } from "../../../lib/rigour/export";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

// The demo study's two reference codings (analysts A and B), every interview marked done by
// both; the agreement page's figures must equal a computation written here from the rows.
let projectId: string;
let a: string;
let b: string;
let owner: { id: string; role: "owner" };
type Row = { documentId: string; codeId: string; coderId: string; start: number; end: number };
let codings: Row[];
let turns: { documentId: string; start: number; end: number }[];
let documents: { id: string; textLength: number }[];
let codes: { id: string; name: string }[];

beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  a = (await user("analyst-a@demo.grounded.test")).id;
  b = (await user("analyst-b@demo.grounded.test")).id;
  owner = { id: (await user("owner@demo.grounded.test")).id, role: "owner" };
  documents = await prisma.document.findMany({ where: { projectId }, select: { id: true, textLength: true } });
  await prisma.assignment.createMany({
    data: documents.flatMap((d) => [a, b].map((userId) => ({ projectId, documentId: d.id, userId, assignedById: owner.id, doneAt: new Date() }))),
  });
  codings = await prisma.coding.findMany({ where: { projectId }, select: { documentId: true, codeId: true, coderId: true, start: true, end: true } });
  turns = await prisma.speakerTurn.findMany({ where: { document: { projectId } }, select: { documentId: true, start: true, end: true } });
  codes = await prisma.code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, name: true } });
}, 120_000);

/** Per code, A's and B's 0/1 for every speaker turn of the study: coded when a span of theirs overlaps the turn. */
function turnData(codeId: string): [(0 | 1)[], (0 | 1)[]] {
  const coded = (coderId: string) =>
    turns.map((t) => (codings.some((c) => c.coderId === coderId && c.codeId === codeId && c.documentId === t.documentId && c.start < t.end && t.start < c.end) ? 1 : 0) as 0 | 1);
  return [coded(a), coded(b)];
}

describe("agreement on the demo study's two reference codings", () => {
  it("covers all 32 interviews, cut into their speaker turns", async () => {
    const table = await getAgreement(projectId, { coderIds: [a, b], unit: "segment", scope: "done" }, owner);
    expect(documents).toHaveLength(32);
    expect(table.documents).toHaveLength(32);
    expect(table.segmentSources).toEqual({ turns: 32, paragraphs: 0 });
    expect(table.overall.units).toBe(turns.length * codes.filter((c) => codings.some((k) => k.codeId === c.id)).length);
  });

  it("gives per code the segment-level nominal alpha, kappa and percent agreement computed here from the turns", async () => {
    const table = await getAgreement(projectId, { coderIds: [a, b], unit: "segment", scope: "done" }, owner);
    let compared = 0;
    for (const row of table.rows) {
      const data = turnData(row.codeId!);
      const alpha = krippendorffAlpha(data);
      if (alpha.value === null) {
        expect(row.alpha.value).toBeNull();
        continue;
      }
      expect(row.alpha.value).toBeCloseTo(alpha.value, 10);
      expect(row.kappa.value).toBeCloseTo(cohensKappa(data).value!, 10);
      expect(row.percent.value).toBeCloseTo(percentAgreement(data).value!, 10);
      expect(row.units).toBe(turns.length);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it("gives, for the most used code, the alpha counted by hand from the 2x2 table", async () => {
    const counts = new Map<string, number>();
    for (const c of codings) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
    const codeId = [...counts].sort((x, y) => y[1] - x[1])[0][0];
    const [ra, rb] = turnData(codeId);
    let both = 0;
    let onlyA = 0;
    let onlyB = 0;
    for (let i = 0; i < ra.length; i++) {
      if (ra[i] && rb[i]) both++;
      else if (ra[i]) onlyA++;
      else if (rb[i]) onlyB++;
    }
    // Two coders, no missing values: n = 2N pairable values; each disagreeing turn adds one
    // (0,1) and one (1,0) coincidence; alpha = 1 - (n - 1) o_01 / (n_0 n_1).
    const n = 2 * ra.length;
    const ones = 2 * both + onlyA + onlyB;
    const zeros = n - ones;
    const byHand = 1 - ((n - 1) * (onlyA + onlyB)) / (zeros * ones);
    const table = await getAgreement(projectId, { coderIds: [a, b], unit: "segment", scope: "done" }, owner);
    const row = table.rows.find((r) => r.codeId === codeId)!;
    expect(row.alpha.value).toBeCloseTo(byHand, 10);
    expect(row.perCoder).toEqual([both + onlyA, both + onlyB]);
  });

  it("pools the codes in use (all of which vary at the segment level) for the overall figure, and gives the document and span figures of lib/agreement", async () => {
    const used = codes.filter((c) => codings.some((k) => k.codeId === c.id)).map((c) => c.id);
    const segment = await getAgreement(projectId, { coderIds: [a, b], unit: "segment", scope: "done" }, owner);
    const pooled = used.map(turnData);
    const data = [pooled.flatMap((p) => p[0]), pooled.flatMap((p) => p[1])];
    expect(segment.overall.alpha.value).toBeCloseTo(krippendorffAlpha(data).value!, 10);

    const document = await getAgreement(projectId, { coderIds: [a, b], unit: "document", scope: "done" }, owner);
    for (const row of document.rows.filter((r) => r.inUse)) {
      const presence = [a, b].map((coder) => documents.map((d) => (codings.some((c) => c.coderId === coder && c.codeId === row.codeId && c.documentId === d.id) ? 1 : 0)));
      const expected = krippendorffAlpha(presence);
      if (expected.value === null) expect(row.alpha.value).toBeNull();
      else expect(row.alpha.value).toBeCloseTo(expected.value, 10);
    }

    const span = await getAgreement(projectId, { coderIds: [a, b], unit: "span", scope: "done" }, owner);
    const design = { coders: [a, b], codes: used, documents: span.documents.map((d) => ({ id: d.id, length: documents.find((x) => x.id === d.id)!.textLength })) };
    const reference = unitizingAlpha(concatenateContinua(characterContinua(codings, design)), { categories: used });
    expect(span.overall.alpha.value).toBeCloseTo(reference.value!, 10);
  });

  it("leaves codes without variation out of the overall figure and shows no figure for parent codes never applied directly", async () => {
    // Segment and span figures are unchanged by this rule on the demo: every code in use varies there.
    const segment = await getAgreement(projectId, { coderIds: [a, b], unit: "segment", scope: "done" }, owner);
    const span = await getAgreement(projectId, { coderIds: [a, b], unit: "span", scope: "done" }, owner);
    expect(segment.rows.filter((r) => r.inUse && !r.pooled)).toEqual([]);
    expect(span.rows.filter((r) => r.inUse && !r.pooled)).toEqual([]);
    // At the document level some codes were applied by both analysts in every interview: no
    // alpha of their own, left out of the overall figure, which is alpha over the others.
    const document = await getAgreement(projectId, { coderIds: [a, b], unit: "document", scope: "done" }, owner);
    const constant = document.rows.filter((r) => r.inUse && !r.pooled);
    expect(constant.length).toBeGreaterThan(0);
    for (const r of constant) expect(r.alpha.note).toMatch(/^no variation: both analysts agree it is present everywhere/);
    const design = { coders: [a, b], codes: codes.map((c) => c.id), documents: documents.map((d) => ({ id: d.id, length: d.textLength })) };
    const varying = codesWithVariation(documentPresenceUnits(codings, design));
    expect(varying.length).toBe(document.rows.filter((r) => r.pooled).length);
    expect(document.overall.alpha.value).toBeCloseTo(krippendorffAlpha(poolCodes(varying).data).value!, 10);
    expect(document.pooling).toMatch(new RegExp(`^The overall figures pool the ${varying.length} codes with variation, every code × interview pair counted as one decision`));

    const parents = new Set((await prisma.code.findMany({ where: { projectId, deletedAt: null, parentId: { not: null } }, select: { parentId: true } })).map((c) => c.parentId!));
    const bare = segment.rows.filter((r) => parents.has(r.codeId!) && !codings.some((c) => c.codeId === r.codeId));
    expect(bare.length).toBeGreaterThan(0);
    for (const r of bare) for (const f of [r.percent, r.kappa, r.alpha]) expect(f).toEqual({ value: null, note: "parent code not applied directly: its sub-codes carry the figures" });
  });

  it("exports the table the page shows as CSV and XLSX, figures as numbers, and the methods paragraph as text", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: owner.id }, select: { id: true, email: true, name: true } });
    const table = await getAgreement(projectId, { coderIds: [a, b], unit: "segment", scope: "done" }, owner);
    const names = new Map(codes.map((c) => [c.id, c.name]));
    const request = { projectId, coderIds: [a, b], unit: "segment", scope: "done" };

    const csv = await runAgreementExport(user, { ...request, format: "csv" });
    if (!csv.ok) throw new Error(csv.error.message);
    const rows = Papa.parse<string[]>(String(csv.data.data).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Code", "Units", "Coded by Ana Analyst (A)", "Coded by Ben Analyst (B)", "Percent agreement", "Cohen's kappa", "Krippendorff's alpha", "Notes"]);
    expect(rows).toHaveLength(table.rows.length + 2);
    for (const [i, row] of table.rows.entries()) {
      const line = rows[i + 1];
      expect(line[0]).toBe(names.get(row.codeId!));
      expect(Number(line[1])).toBe(row.units);
      if (row.alpha.value === null) expect(line[6]).toBe("");
      else expect(Number(line[6])).toBeCloseTo(row.alpha.value, 4);
    }
    expect(Number(rows.at(-1)![6])).toBeCloseTo(table.overall.alpha.value!, 4);
    // The overall row names its pooling, in its label and first in its notes.
    expect(rows.at(-1)![0]).toBe("Overall (pooled over codes with variation)");
    expect(rows.at(-1)![7].startsWith(table.pooling)).toBe(true);

    const xlsx = await runAgreementExport(user, { ...request, format: "xlsx" });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.data.data as Uint8Array) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Agreement")!;
    expect(sheet.rowCount).toBe(table.rows.length + 2);
    expect(typeof sheet.getRow(sheet.rowCount).getCell(7).value).toBe("number");
    expect(sheet.getRow(sheet.rowCount).getCell(7).value as number).toBeCloseTo(table.overall.alpha.value!, 4);

    const txt = await runAgreementExport(user, { ...request, format: "txt" });
    if (!txt.ok) throw new Error(txt.error.message);
    const paragraph = await methodsFor(projectId, table);
    expect(txt.data.data).toBe(paragraph + "\n");
    expect(paragraph).toMatch(/^Two analysts \(Ana Analyst \(A\), Ben Analyst \(B\)\) each coded 32 of 32 interviews; Krippendorff's alpha \(nominal, segment level: speaker turns\) was \d\.\d\d overall, ranging from/);
    expect(paragraph).toContain(table.overall.alpha.value!.toFixed(2));
    expect(paragraph).toContain(table.pooling);
  });
});
