import { describe, expect, it } from "vitest";
import { importQdc, importQdpx } from "../../../lib/interop/refi/api";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { shared, SHARED, sharedExists } from "../../unit/interop/refi/fixtures";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

// Real files made by other tools (see /work/shared/interop/README.md). They are not in the
// repository, so these tests run only where that folder exists.
if (!sharedExists) console.warn(`Skipping REFI-QDA import tests over real files: ${SHARED} does not exist.`);

const { prisma } = await useTestDatabase();

describe.skipIf(!sharedExists)("importing real REFI-QDA files", () => {
  it("qc 1.3.2 .qdpx: 2 sources, 262 codes in a tree, 205 codings quoting whole lines, one placeholder coder", async () => {
    const importer = await makeUser(prisma);
    const summary = await importQdpx({ user: { id: importer.id, email: importer.email, name: importer.name } }, shared("qc-1.3.2_demo.qdpx"), "qc-1.3.2_demo.qdpx");
    expect(summary).toMatchObject({ origin: "qc 1.3.2", projectName: "qc project", counts: { sources: 2, codes: 262, codings: 205, users: 1, cases: 0, memos: 0 } });
    expect(summary.users).toEqual([{ name: "cp", kind: "placeholder", email: expect.stringMatching(/\.invalid$/), codings: 205 }]);
    // Its names are "line:N", not quotations, and its texts are ASCII with LF line ends, so
    // every counting convention agrees ("default"); every selection is a whole line.
    expect(summary.warnings.filter((w) => w.kind === "position")).toEqual([]);
    expect(summary.sources.map((s) => [s.title, s.codings, s.positions?.own ?? null])).toEqual([
      ["board_2017", 205, false],
      ["admin-1", 0, null],
    ]);
    expect(summary.positions).toMatchObject({ strength: "moot", ambiguousTotal: 0 });

    const codings = await prisma.coding.findMany({ where: { projectId: summary.projectId }, include: { code: true, document: true } });
    expect(codings).toHaveLength(205);
    for (const coding of codings) {
      expect(sliceByCodePoints(coding.document.text, coding.start, coding.end)).toBe(coding.quote);
      expect(coding.quote.endsWith("\n")).toBe(true);
    }
    const at = (start: number, code: string) => codings.find((c) => c.start === start && c.code.name === code)?.quote;
    expect(at(320, "fun")).toBe("This district goal is engage every student in joyful, purposeful learning that \n");
    expect(at(474, "learning_opportunities")).toBe("maximizes each student's opportunity to excel academically. Action step five \n");
    expect(at(1373, "computational_thinking")).toBe("that all students feel empowered by complex problem solving in computer \n");

    const depth = await prisma.$queryRaw<{ depth: number }[]>`
      WITH RECURSIVE tree AS (
        SELECT id, 1 AS depth FROM "Code" WHERE "projectId" = ${summary.projectId} AND "parentId" IS NULL
        UNION ALL SELECT c.id, t.depth + 1 FROM "Code" c JOIN tree t ON c."parentId" = t.id
      ) SELECT max(depth)::int AS depth FROM tree`;
    expect(depth[0].depth).toBe(7);
    expect(await prisma.code.count({ where: { projectId: summary.projectId, parentId: null } })).toBe(3);
  });

  it("Taguette 1.4.1 .qdc (single line, empty <Sets/>): 3 flat codes, as a new project and merged into one", async () => {
    const importer = await makeUser(prisma);
    const ctx = { user: { id: importer.id, email: importer.email, name: importer.name } };
    const summary = await importQdc(ctx, shared("taguette-1.4.1_codebook.qdc"), "taguette-1.4.1_codebook.qdc");
    expect(summary).toMatchObject({ origin: "Taguette 1.4.1", projectName: "taguette-1.4.1_codebook", counts: { codes: 3 }, warnings: [] });
    const names = await prisma.code.findMany({ where: { projectId: summary.projectId }, orderBy: { position: "asc" }, select: { name: true, parentId: true } });
    expect(names).toEqual([
      { name: "xsd:element name", parentId: null },
      { name: "CodeBook", parentId: null },
      { name: "Variables", parentId: null },
    ]);
    const merged = await importQdc(ctx, shared("taguette-1.4.1_codebook.qdc"), "taguette-1.4.1_codebook.qdc", { intoProjectId: summary.projectId });
    // The codes keep the GUIDs they had in the file, so the same codebook matches them by GUID.
    expect(merged).toMatchObject({ counts: { codes: 0 }, matchedCodes: { byGuid: 3, byName: 0 } });
  });
});
