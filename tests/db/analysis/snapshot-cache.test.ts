import { afterEach, describe, expect, it } from "vitest";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { getCoOccurrence } from "../../../lib/analysis/breakdowns-data";
import { coderFigures, getThemeSummaries } from "../../../lib/analysis/data";
import { snapshotCacheCounts } from "../../../lib/analysis/snapshot-cache";
import { createPrismaClient } from "../../../lib/db/client";
import { getFindingsReport } from "../../../lib/findings/data";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma, url } = await useTestDatabase();

const TEXT = "abcdefghij".repeat(10);

async function world() {
  const ana = await makeUser(prisma, { name: "Ana" });
  const project = await makeProject(prisma, [{ userId: ana.id, role: "analyst" }]);
  const [d1, d2] = [await makeDocument(prisma, project.id, TEXT), await makeDocument(prisma, project.id, TEXT)];
  const [k1, k2] = [await makeCode(prisma, project.id, "K1"), await makeCode(prisma, project.id, "K2")];
  const coding = (documentId: string, codeId: string, start: number, end: number, client = prisma) =>
    client.coding.create({ data: { projectId: project.id, documentId, codeId, coderId: ana.id, start, end, quote: sliceByCodePoints(TEXT, start, end) } });
  await coding(d1.id, k1.id, 0, 10);
  await coding(d1.id, k2.id, 5, 15);
  const finding = await prisma.finding.create({ data: { projectId: project.id, statement: "K1 is everywhere.", figure: { kind: "interview-share", codeId: k1.id, filter: [] }, createdById: ana.id } });
  return { ana, project, d1, d2, k1, k2, coding, finding };
}

const passagesOf = async (projectId: string, codeId: string) => (await getThemeSummaries(projectId, { kind: "any" }, "all")).rows.find((r) => r.codeId === codeId)!.passages;

afterEach(() => {
  delete process.env.GROUNDED_ANALYSIS_CACHE;
});

describe("analysis results reused while the database is unchanged", () => {
  it("answers a second identical read from the cache, with equal figures", async () => {
    const w = await world();
    const first = await getThemeSummaries(w.project.id, { kind: "any" }, "all");
    // Other test files write to the same server at the same time, and any commit in between
    // (rightly) means a miss; so try until one pair of reads had nothing in between.
    let served = false;
    for (let attempt = 0; attempt < 25 && !served; attempt++) {
      const before = snapshotCacheCounts();
      const again = await getThemeSummaries(w.project.id, { kind: "any" }, "all");
      expect(again).toEqual(first);
      served = snapshotCacheCounts().hits - before.hits === 4; // the selection's figures, the per-analyst figures, the analysts, the codebook
    }
    expect(served).toBe(true);
  });

  it("hands out frozen rows: a caller that tries to change them is stopped, and the next reader sees them as computed", async () => {
    const w = await world();
    const rows = await coderFigures(w.project.id);
    const expected = structuredClone(rows);
    expect(() => {
      rows[0].passages = 99;
    }).toThrow(TypeError);
    expect(() => rows.pop()).toThrow(TypeError);
    expect(await coderFigures(w.project.id)).toEqual(expected);
  });

  it("shows a coding added or deleted on the next read (summaries, co-occurrence, findings)", async () => {
    const w = await world();
    expect(await passagesOf(w.project.id, w.k1.id)).toBe(1);
    expect((await getCoOccurrence(w.project.id, { kind: "any" })).cells).toEqual([{ codeIds: [w.k1.id, w.k2.id].sort(), interviews: 1, passages: 1 }]);
    expect((await getFindingsReport(w.project.id, { kind: "any" }, OPERATOR_SCOPE)).findings[0].result?.display).toBe("50%");

    const added = await w.coding(w.d2.id, w.k1.id, 20, 30);
    expect(await passagesOf(w.project.id, w.k1.id)).toBe(2);
    expect((await getFindingsReport(w.project.id, { kind: "any" }, OPERATOR_SCOPE)).findings[0].result?.display).toBe("100%");

    await prisma.coding.delete({ where: { id: added.id } });
    await prisma.coding.deleteMany({ where: { codeId: w.k2.id } });
    expect(await passagesOf(w.project.id, w.k1.id)).toBe(1);
    expect((await getCoOccurrence(w.project.id, { kind: "any" })).cells).toEqual([]);
    expect((await getFindingsReport(w.project.id, { kind: "any" }, OPERATOR_SCOPE)).findings[0].result?.display).toBe("50%");
  });

  it("shows a coding whose transaction was still open when the figures were first computed", async () => {
    const w = await world();
    const writer = createPrismaClient(url);
    try {
      await writer.$transaction(async (tx) => {
        await tx.coding.create({ data: { projectId: w.project.id, documentId: w.d2.id, codeId: w.k1.id, coderId: w.ana.id, start: 40, end: 50, quote: sliceByCodePoints(TEXT, 40, 50) } });
        // Read (and remember) while the writer has not committed: the new coding is not visible yet.
        expect(await passagesOf(w.project.id, w.k1.id)).toBe(1);
        expect(await passagesOf(w.project.id, w.k1.id)).toBe(1);
      });
      // Committed: the next read must not be the remembered one.
      expect(await passagesOf(w.project.id, w.k1.id)).toBe(2);
    } finally {
      await writer.$disconnect();
    }
  });

  it("can be turned off", async () => {
    const w = await world();
    process.env.GROUNDED_ANALYSIS_CACHE = "off";
    await getThemeSummaries(w.project.id, { kind: "any" }, "all");
    const before = snapshotCacheCounts();
    await getThemeSummaries(w.project.id, { kind: "any" }, "all");
    expect(snapshotCacheCounts()).toEqual(before);
  });
});
