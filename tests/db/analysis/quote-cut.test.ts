import { describe, expect, it } from "vitest";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

/**
 * getCellQuotes cuts a page's passages by byte position in a document whose text is ASCII and
 * by character position otherwise (lib/analysis/quotes-data.ts): one page holding passages
 * of both kinds of document, deep in each, must quote exactly the code points of each span.
 */
describe("quotes cut from ASCII and non-ASCII interviews on one page", () => {
  it("quotes every passage's own characters, starred or not", async () => {
    const ana = await makeUser(prisma, { name: "Ana" });
    const project = await makeProject(prisma, [{ userId: ana.id, role: "analyst" }]);
    const ascii = await makeDocument(prisma, project.id, "Ana: " + "plain words here. ".repeat(400));
    const wide = await makeDocument(prisma, project.id, "Ana: " + "café 🙂 naïve — ".repeat(400));
    const code = await makeCode(prisma, project.id, "Theme");
    const rows: { projectId: string; documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string }[] = [];
    for (const document of [ascii, wide]) {
      const { text } = await prisma.document.findUniqueOrThrow({ where: { id: document.id }, select: { text: true } });
      for (const start of [5, 1003, 4000, 5900]) rows.push({ projectId: project.id, documentId: document.id, codeId: code.id, coderId: ana.id, start, end: start + 17, quote: sliceByCodePoints(text, start, start + 17) });
    }
    await prisma.coding.createMany({ data: rows });
    const starred = await prisma.coding.findFirstOrThrow({ where: { documentId: wide.id, start: 4000 } });
    await prisma.representativeQuote.create({ data: { projectId: project.id, codingId: starred.id, starredById: ana.id } });

    const page = await getCellQuotes(project.id, { kind: "any" }, { kind: "code", codeId: code.id }, { page: 1, size: 100 }, { starredFirst: true });
    expect(page.total).toBe(8);
    expect(page.quotes.map((q) => [q.documentId, q.start, q.text])).toEqual(
      expect.arrayContaining(rows.map((r) => [r.documentId, r.start, r.quote])),
    );
    // Starred first within its interview.
    expect(page.quotes.filter((q) => q.documentId === wide.id)[0].start).toBe(4000);
  });
});
