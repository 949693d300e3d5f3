import { describe, expect, it } from "vitest";
import { type CellQuotes, getCellQuotes, type Quote, type QuoteNarrowing } from "../../../lib/analysis/quotes-data";
import type { CoderSelection } from "../../../lib/analysis/coder-selection";
import type { QuoteCell } from "../../../lib/analysis/schema";
import { starsOf } from "../../../lib/stars/data";
import { arrangeByStars } from "../../../lib/stars/passages";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

// The theme and quotes pages read their passages a page at a time (LIMIT/OFFSET in SQL after
// the filtering and ordering): the pages together are exactly the whole ordered list, the
// total is the figure whatever the page, and a page past the end is the last page.

const { prisma } = await useTestDatabase();

const SIZE = 20;
const SEGMENTS = 45;

/** Three interviews (two of sector x, one of y) of 45 segments each, every segment coded: 135 passages, 7 pages of 20. */
async function largeTheme() {
  const [ana, ben] = [await makeUser(prisma, { name: "Ana" }), await makeUser(prisma, { name: "Ben" })];
  const project = await makeProject(prisma, [
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
  ]);
  const sector = await prisma.attributeDefinition.create({ data: { projectId: project.id, name: "sector", type: "category", categories: ["x", "y"] } });
  const code = await makeCode(prisma, project.id, "Reasons");
  const codings = [];
  for (const [d, value] of ["x", "y", "x"].entries()) {
    const kase = await prisma.case.create({ data: { projectId: project.id, name: `Case ${d}` } });
    await prisma.attributeValue.create({ data: { projectId: project.id, caseId: kase.id, attributeId: sector.id, textValue: value } });
    const segments = Array.from({ length: SEGMENTS }, (_, i) => `Interview ${d} segment ${String(i).padStart(2, "0")}${i % 5 === 3 ? " mentions the kettle" : ""}.`);
    const document = await makeDocument(prisma, project.id, segments.join(" "));
    await prisma.document.update({ where: { id: document.id }, data: { caseId: kase.id, position: d } });
    let at = 0;
    const rows = segments.map((segment, i) => {
      const start = at;
      at += segment.length + 1;
      // Every third segment coded by both analysts (one passage under "any"), the rest by one.
      const coders = i % 3 === 0 ? [ana.id, ben.id] : [i % 2 ? ben.id : ana.id];
      return coders.map((coderId) => ({ projectId: project.id, documentId: document.id, codeId: code.id, coderId, start, end: start + segment.length, quote: segment, memo: "" }));
    });
    codings.push(...(await prisma.coding.createManyAndReturn({ data: rows.flat() })));
  }
  return { projectId: project.id, codeId: code.id, sector, ana, ben, codings };
}

const key = (q: Quote) => `${q.documentId}:${q.start}-${q.end}:${q.codes.map((c) => c.id).join("+")}`;

/** Every page, 1 to the last, read one by one, with the figures each page reports. */
async function everyPage(projectId: string, selection: CoderSelection, cell: QuoteCell, narrowing: QuoteNarrowing = {}): Promise<CellQuotes[]> {
  const first = await getCellQuotes(projectId, selection, cell, { page: 1, size: SIZE }, narrowing);
  const rest = [];
  for (let page = 2; page <= first.pages; page++) rest.push(await getCellQuotes(projectId, selection, cell, { page, size: SIZE }, narrowing));
  return [first, ...rest];
}

async function expectPagesMakeTheWhole(projectId: string, selection: CoderSelection, cell: QuoteCell, narrowing: QuoteNarrowing = {}) {
  const whole = await getCellQuotes(projectId, selection, cell, 100_000, narrowing);
  const pages = await everyPage(projectId, selection, cell, narrowing);
  expect(pages).toHaveLength(Math.max(1, Math.ceil(whole.total / SIZE)));
  for (const [i, page] of pages.entries()) {
    expect(page.total).toBe(whole.total);
    expect(page.page).toBe(i + 1);
    expect(page.from).toBe(whole.total === 0 ? 0 : i * SIZE + 1);
    expect(page.to).toBe(Math.min(whole.total, (i + 1) * SIZE));
    expect(page.quotes).toHaveLength(page.to - page.from + (whole.total === 0 ? 0 : 1));
  }
  const joined = pages.flatMap((p) => p.quotes);
  expect(joined.map(key)).toEqual(whole.quotes.map(key));
  expect(new Set(joined.map(key)).size).toBe(joined.length);
  // The same passages in full: text, speakers, codings behind.
  expect(joined).toEqual(whole.quotes);
  return { whole, pages };
}

describe("passages of a theme, a page at a time", () => {
  it("pages 1 to the last are the whole ordered list, with no gap or duplicate, and the same total on each", async () => {
    const { projectId, codeId } = await largeTheme();
    const { whole, pages } = await expectPagesMakeTheWhole(projectId, { kind: "any" }, { kind: "code", codeId });
    expect(whole.total).toBe(3 * SEGMENTS);
    expect(pages).toHaveLength(7);
    expect(pages[3]).toMatchObject({ page: 4, pages: 7, from: 61, to: 80 });
    expect(pages[6]).toMatchObject({ page: 7, from: 121, to: 135 });
    expect(pages[6].quotes).toHaveLength(15);
  });

  it("a page past the end shows the last page, and a page below 1 the first", async () => {
    const { projectId, codeId } = await largeTheme();
    const cell = { kind: "code", codeId } as const;
    const last = await getCellQuotes(projectId, { kind: "any" }, cell, { page: 7, size: SIZE });
    for (const page of [8, 999_999]) {
      const past = await getCellQuotes(projectId, { kind: "any" }, cell, { page, size: SIZE });
      expect(past).toMatchObject({ page: 7, pages: 7, total: 135, from: 121, to: 135 });
      expect(past.quotes.map(key)).toEqual(last.quotes.map(key));
    }
    const first = await getCellQuotes(projectId, { kind: "any" }, cell, { page: 1, size: SIZE });
    for (const page of [0, -3, Number.NaN]) expect((await getCellQuotes(projectId, { kind: "any" }, cell, { page, size: SIZE })).quotes.map(key)).toEqual(first.quotes.map(key));
    // Nothing to show: page 1 of 1, empty.
    const none = await getCellQuotes(projectId, { kind: "any" }, cell, { page: 4, size: SIZE }, { contains: "no such words" });
    expect(none).toMatchObject({ page: 1, pages: 1, total: 0, from: 0, to: 0, quotes: [] });
  });

  it("filters combine with paging: case attribute, analyst, text and representative only", async () => {
    const { projectId, codeId, sector, ana, ben, codings } = await largeTheme();
    const byCase = await expectPagesMakeTheWhole(projectId, { kind: "any" }, { kind: "code", codeId, filter: [{ attributeId: sector.id, op: "eq", value: "x" }] });
    expect(byCase.whole.total).toBe(2 * SEGMENTS);
    expect(byCase.pages).toHaveLength(5);

    const bens = await expectPagesMakeTheWhole(projectId, { kind: "coder", coderId: ben.id }, { kind: "code", codeId });
    expect(bens.whole.total).toBe(codings.filter((c) => c.coderId === ben.id).length);

    const agreed = await expectPagesMakeTheWhole(projectId, { kind: "agreed", coderIds: [ana.id, ben.id] }, { kind: "code", codeId });
    expect(agreed.whole.total).toBe(3 * 15);

    const kettle = await expectPagesMakeTheWhole(projectId, { kind: "any" }, { kind: "code", codeId }, { contains: "KETTLE" });
    expect(kettle.whole.total).toBe(3 * 9);
    expect(kettle.pages).toHaveLength(2);

    // Stars on 25 codings spread over the theme: "representative only" pages through those.
    const toStar = codings.filter((_, i) => i % 8 === 5).slice(0, 25);
    for (const coding of toStar) await prisma.representativeQuote.create({ data: { codingId: coding.id, projectId, starredById: ana.id } });
    const starred = await expectPagesMakeTheWhole(projectId, { kind: "any" }, { kind: "code", codeId }, { representativeOnly: true });
    // A segment both analysts coded is one passage, however many of its codings are starred.
    expect(starred.whole.total).toBe(new Set(toStar.map((c) => `${c.documentId}:${c.start}`)).size);
    expect(starred.pages).toHaveLength(2);
    const both = await expectPagesMakeTheWhole(projectId, { kind: "any" }, { kind: "code", codeId, filter: [{ attributeId: sector.id, op: "eq", value: "y" }] }, { representativeOnly: true, contains: "segment" });
    expect(both.whole.total).toBeGreaterThan(0);
    expect(both.whole.total).toBeLessThan(25);
  });

  it("orders starred passages first in their interview across pages, as the page's own arrangement would, with the same total", async () => {
    const { projectId, codeId, ana, codings } = await largeTheme();
    const cell = { kind: "code", codeId } as const;
    // The last passages of the first interview (on page 3) and one in the middle of the second.
    const first = codings.filter((c) => c.documentId === codings[0].documentId);
    const starredCodings = [first[first.length - 1], first[first.length - 4], codings.find((c) => c.documentId !== codings[0].documentId && c.start > 200)!];
    for (const coding of starredCodings) await prisma.representativeQuote.create({ data: { codingId: coding.id, projectId, starredById: ana.id } });

    const plain = await getCellQuotes(projectId, { kind: "any" }, cell, 100_000);
    const stars = await starsOf(projectId, plain.quotes.flatMap((q) => q.codings.map((c) => c.id)));
    const expected = arrangeByStars(plain.quotes, stars);
    const { whole, pages } = await expectPagesMakeTheWhole(projectId, { kind: "any" }, cell, { starredFirst: true });
    expect(whole.total).toBe(plain.total);
    expect(whole.quotes.map(key)).toEqual(expected.map(key));
    expect(whole.quotes.map(key)).not.toEqual(plain.quotes.map(key));
    // The first interview's starred passages lead page 1 now, though they sat on page 3.
    expect(pages[0].quotes.slice(0, 2).map((q) => q.start)).toEqual([first[first.length - 4].start, first[first.length - 1].start]);
    expect(pages[2].quotes.some((q) => q.start === first[first.length - 1].start)).toBe(false);
    // Under one analyst, only the stars on that analyst's codings count, as on the page.
    const ben = codings.find((c) => c.coderId !== ana.id)!.coderId;
    const bensPlain = await getCellQuotes(projectId, { kind: "coder", coderId: ben }, cell, 100_000);
    const bensStars = await starsOf(projectId, bensPlain.quotes.flatMap((q) => q.codings.map((c) => c.id)));
    const bens = await expectPagesMakeTheWhole(projectId, { kind: "coder", coderId: ben }, cell, { starredFirst: true });
    expect(bens.whole.quotes.map(key)).toEqual(arrangeByStars(bensPlain.quotes, bensStars).map(key));
  });
});
