import { describe, expect, it } from "vitest";
import { sliceByCodePoints } from "../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject, makeUser } from "./helpers/factories";
import { useTestDatabase } from "./helpers/test-database";

const { prisma } = await useTestDatabase();

// Emoji (astral, two UTF-16 units each) and a combining sequence (NFC folds it) before the
// coded words, so UTF-16 offsets would point at the wrong text.
const RAW = "Interviewer: 🙂 Was it cafe\u0301 or 👩‍🔬 lab?\n\nAna: The cost, honestly.";

async function setup() {
  const user = await makeUser(prisma);
  const project = await makeProject(prisma, [{ userId: user.id, role: "analyst" }]);
  const document = await makeDocument(prisma, project.id, RAW);
  const code = await makeCode(prisma, project.id);
  return { user, project, document, code };
}

function coding(s: Awaited<ReturnType<typeof setup>>, start: number, end: number, quote?: string) {
  return {
    projectId: s.project.id,
    documentId: s.document.id,
    codeId: s.code.id,
    coderId: s.user.id,
    start,
    end,
    quote: quote ?? sliceByCodePoints(s.document.text, start, end),
  };
}

describe("database constraints on codings", () => {
  it("store code point offsets whose quote PostgreSQL's substr agrees with, emoji and combining marks included", async () => {
    const s = await setup();
    const chars = [...s.document.text];
    const start = [...s.document.text.slice(0, s.document.text.indexOf("The cost"))].length;
    const end = start + [..."The cost"].length;
    const row = await prisma.coding.create({ data: coding(s, start, end) });
    expect(row.quote).toBe("The cost");
    expect(start).toBeLessThan(s.document.text.indexOf("The cost")); // code points < UTF-16 units here
    const [check] = await prisma.$queryRaw<{ quote: string }[]>`
      SELECT substr(d."text", c."start" + 1, c."end" - c."start") AS quote
      FROM "Coding" c JOIN "Document" d ON d.id = c."documentId" WHERE c.id = ${row.id}`;
    expect(check.quote).toBe("The cost");
    expect(s.document.text).toContain("café");
    expect(s.document.textLength).toBe(chars.length);
  });

  it("refuse start >= end, a negative start, and an end past the text", async () => {
    const s = await setup();
    await expect(prisma.coding.create({ data: coding(s, 5, 5, "") })).rejects.toThrow(/Coding_span_check/);
    await expect(prisma.coding.create({ data: coding(s, 6, 5, "x") })).rejects.toThrow(/Coding_span_check/);
    await expect(prisma.coding.create({ data: coding(s, -1, 3, "x") })).rejects.toThrow(/Coding_span_check/);
    const length = s.document.textLength;
    await expect(prisma.coding.create({ data: coding(s, length - 2, length + 1, "ly.") })).rejects.toThrow(/outside the document/);
    expect(await prisma.coding.count({ where: { documentId: s.document.id } })).toBe(0);
  });

  it("refuse a quote that differs from the text at its offsets", async () => {
    const s = await setup();
    await expect(prisma.coding.create({ data: coding(s, 0, 11, "Interviewe") })).rejects.toThrow(/does not match the document text/);
  });

  it("refuse a document or code of another project", async () => {
    const s = await setup();
    const other = await makeProject(prisma);
    const foreignDocument = await makeDocument(prisma, other.id, RAW);
    const foreignCode = await makeCode(prisma, other.id);
    await expect(prisma.coding.create({ data: { ...coding(s, 0, 11), documentId: foreignDocument.id } })).rejects.toThrow();
    await expect(prisma.coding.create({ data: { ...coding(s, 0, 11), codeId: foreignCode.id } })).rejects.toThrow();
    expect(await prisma.coding.count({ where: { projectId: { in: [s.project.id, other.id] } } })).toBe(0);
  });

  it("make the same code on the same span by the same analyst unique", async () => {
    const s = await setup();
    await prisma.coding.create({ data: coding(s, 0, 11) });
    await expect(prisma.coding.create({ data: coding(s, 0, 11) })).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("database constraints on documents", () => {
  it("keep the text immutable after import", async () => {
    const s = await setup();
    await expect(prisma.document.update({ where: { id: s.document.id }, data: { text: "changed" } })).rejects.toThrow(/changes only through a correction/);
    // Other fields may change.
    await prisma.document.update({ where: { id: s.document.id }, data: { title: "Renamed" } });
  });

  it("refuse text that is not normalized, or a length that is not its code point count", async () => {
    const s = await setup();
    const base = { projectId: s.project.id, title: "Bad", checksum: "x", sourceFormat: "text" };
    await expect(prisma.document.create({ data: { ...base, text: "cafe\u0301", textLength: 5 } })).rejects.toThrow(/normalized_check/);
    await expect(prisma.document.create({ data: { ...base, text: "a\r\nb", textLength: 4 } })).rejects.toThrow(/normalized_check/);
    await expect(prisma.document.create({ data: { ...base, text: "🙂", textLength: 2 } })).rejects.toThrow(/textLength_check/);
    await prisma.document.create({ data: { ...base, text: "🙂", textLength: 1 } });
  });

  it("keep speaker turns inside their document", async () => {
    const s = await setup();
    await expect(
      prisma.speakerTurn.create({ data: { documentId: s.document.id, index: 0, speaker: "Ana", start: 0, end: s.document.textLength + 1 } }),
    ).rejects.toThrow(/outside the document/);
  });
});
