import { describe, expect, it } from "vitest";
import { codingRows, rowsToCsv } from "../../../lib/codings/export";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

// More codings than PostgreSQL takes bind parameters in one statement (65,535): the export
// read a relation per coding and failed outright at this size (seen at 150,000 in bench:scale).
const CODINGS = 66_000;

describe("the codings export at size", () => {
  it(`exports ${CODINGS.toLocaleString("en")} codings, one row each, with their analyst and interview`, async () => {
    const coder = await makeUser(prisma, { name: "Bulk Coder" });
    const project = await makeProject(prisma, [{ userId: coder.id, role: "analyst" }]);
    const document = await makeDocument(prisma, project.id, "a".repeat(CODINGS + 10));
    const code = await makeCode(prisma, project.id, "Bulk");
    await prisma.$executeRaw`
      INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt")
      SELECT 'bulk-' || i, ${project.id}, ${document.id}, ${code.id}, ${coder.id}, i, i + 1, 'a', now()
      FROM generate_series(0, ${CODINGS - 1}) AS i`;
    const exported = await codingRows(project.id, "all");
    expect(exported.rows).toHaveLength(CODINGS);
    expect(exported.rows[0]).toMatchObject({ document: document.title, analyst: "Bulk Coder", code: "Bulk", start: 0, end: 1, quote: "a" });
    expect(exported.rows.at(-1)).toMatchObject({ start: CODINGS - 1, analyst: "Bulk Coder" });
    expect(rowsToCsv(exported).split("\n").length).toBe(CODINGS + 1); // the header, then one line a coding
  });
});
