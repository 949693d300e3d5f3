import { describe, expect, it } from "vitest";
import { codingExport, codingRows, csvStream } from "../../../lib/codings/export";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

// More codings than PostgreSQL takes bind parameters in one statement (65,535): the export
// read a relation per coding and failed outright at this size (seen at 150,000 in bench:scale).
// Spread over interviews: the quote check on insert reads the document's text once a row.
const DOCUMENTS = 11;
const PER_DOCUMENT = 6_000;
const CODINGS = DOCUMENTS * PER_DOCUMENT;

describe("the codings export at size", () => {
  it(`exports ${CODINGS.toLocaleString("en")} codings, one row each, with their analyst and interview`, async () => {
    const coder = await makeUser(prisma, { name: "Bulk Coder" });
    const project = await makeProject(prisma, [{ userId: coder.id, role: "analyst" }]);
    const code = await makeCode(prisma, project.id, "Bulk");
    const documents = [];
    for (let d = 0; d < DOCUMENTS; d++) {
      const document = await makeDocument(prisma, project.id, "a".repeat(PER_DOCUMENT + 10));
      await prisma.document.update({ where: { id: document.id }, data: { position: d } });
      await prisma.$executeRaw`
        INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt")
        SELECT 'bulk-' || ${d} || '-' || i, ${project.id}, ${document.id}, ${code.id}, ${coder.id}, i, i + 1, 'a', now()
        FROM generate_series(0, ${PER_DOCUMENT - 1}) AS i`;
      documents.push(document);
    }
    const exported = await codingRows(project.id, "all");
    expect(exported.rows).toHaveLength(CODINGS);
    expect(exported.rows[0]).toMatchObject({ document: documents[0].title, analyst: "Bulk Coder", code: "Bulk", start: 0, end: 1, quote: "a" });
    expect(exported.rows.at(-1)).toMatchObject({ document: documents.at(-1)!.title, start: PER_DOCUMENT - 1, analyst: "Bulk Coder" });
    let csv = "";
    const decoder = new TextDecoder();
    for await (const chunk of csvStream(await codingExport(project.id, "all")) as unknown as AsyncIterable<Uint8Array>) csv += decoder.decode(chunk, { stream: true });
    expect(csv.split("\n").length).toBe(CODINGS + 1); // the header, then one line a coding
  });
});
