import { describe, expect, it } from "vitest";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

// A theme page's text search and "representative only" narrow the passages in SQL, before the
// page of quotes is cut: a match past the first page is found, and the count is of matches.

const { prisma } = await useTestDatabase();

const SEGMENTS = Array.from({ length: 12 }, (_, i) => `Segment ${String(i).padStart(2, "0")}: ${i === 10 ? "the Zebra argument" : "plain words"}.`);
const TEXT = SEGMENTS.join(" ");

async function theme() {
  const [ana, ben] = [await makeUser(prisma, { name: "Ana" }), await makeUser(prisma, { name: "Ben" })];
  const project = await makeProject(prisma, [
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
  ]);
  const document = await makeDocument(prisma, project.id, TEXT);
  const code = await makeCode(prisma, project.id, "Reasons");
  let at = 0;
  const codings = [];
  for (const [i, segment] of SEGMENTS.entries()) {
    const start = at;
    at += segment.length + 1;
    codings.push(
      await prisma.coding.create({
        data: {
          projectId: project.id,
          documentId: document.id,
          codeId: code.id,
          coderId: i === 8 ? ben.id : ana.id,
          start,
          end: start + segment.length,
          quote: segment,
          memo: i === 8 ? "Ben thinks this is the needle" : i === 9 ? "ana's NEEDLE note" : "",
        },
      }),
    );
  }
  return { projectId: project.id, codeId: code.id, ana, ben, codings };
}

describe("quotes of a theme, narrowed", () => {
  it("finds text and memos past the first page, case-insensitively, and counts the matches", async () => {
    const { projectId, codeId } = await theme();
    const cell = { kind: "code", codeId } as const;
    const all = await getCellQuotes(projectId, { kind: "any" }, cell, 5);
    expect(all.total).toBe(12);
    expect(all.quotes).toHaveLength(5);

    const zebra = await getCellQuotes(projectId, { kind: "any" }, cell, 5, { contains: "  zebra " });
    expect(zebra.total).toBe(1);
    expect(zebra.quotes.map((q) => q.text)).toEqual([SEGMENTS[10]]);

    const needle = await getCellQuotes(projectId, { kind: "any" }, cell, 5, { contains: "Needle" });
    expect(needle.quotes.map((q) => q.text)).toEqual([SEGMENTS[8], SEGMENTS[9]]);
    expect(needle.total).toBe(2);
  });

  it("matches only the memos of the analysts whose coding counts", async () => {
    const { projectId, codeId, ana } = await theme();
    const needle = await getCellQuotes(projectId, { kind: "coder", coderId: ana.id }, { kind: "code", codeId }, 500, { contains: "needle" });
    expect(needle.quotes.map((q) => q.text)).toEqual([SEGMENTS[9]]);
  });

  it("keeps only passages with a starred coding behind them, wherever they are in the theme", async () => {
    const { projectId, codeId, ana, codings } = await theme();
    await prisma.representativeQuote.create({ data: { codingId: codings[11].id, projectId, starredById: ana.id } });
    const starred = await getCellQuotes(projectId, { kind: "any" }, { kind: "code", codeId }, 5, { representativeOnly: true });
    expect(starred.total).toBe(1);
    expect(starred.quotes.map((q) => q.text)).toEqual([SEGMENTS[11]]);
    expect((await getCellQuotes(projectId, { kind: "any" }, { kind: "code", codeId }, 5, { representativeOnly: true, contains: "zebra" })).total).toBe(0);
    expect((await getCellQuotes(projectId, { kind: "consensus" }, { kind: "code", codeId }, 5, { representativeOnly: true })).total).toBe(0);
  });
});
