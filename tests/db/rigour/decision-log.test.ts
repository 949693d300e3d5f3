import { describe, expect, it } from "vitest";
import { getDecisionLog } from "../../../lib/rigour/disagreement-data";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

describe("the decision log", () => {
  it("pages through every decision, newest first, none twice, none skipped", async () => {
    const owner = await makeUser(prisma);
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    const document = await makeDocument(prisma, project.id);
    const code = await makeCode(prisma, project.id);
    const start = Date.parse("2026-01-01T00:00:00Z");
    await prisma.adjudicationDecision.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({ id: `decision-${String(i).padStart(2, "0")}`, projectId: project.id, documentId: document.id, codeId: code.id, kind: "custom" as const, decidedById: owner.id, createdAt: new Date(start + i * 60_000) })),
    });
    const viewer = { id: owner.id, role: "owner" as const };
    const first = await getDecisionLog(project.id, viewer, { size: 20 });
    const second = await getDecisionLog(project.id, viewer, { page: 2, size: 20 });
    const third = await getDecisionLog(project.id, viewer, { page: 3, size: 20 });
    const beyond = await getDecisionLog(project.id, viewer, { page: 9, size: 20 });
    expect(first.window).toMatchObject({ page: 1, pages: 3, total: 53, from: 1, to: 20 });
    expect(third.window).toMatchObject({ page: 3, from: 41, to: 53 });
    expect(beyond.window.page).toBe(3); // past the end: the last page
    const ids = [...first.entries, ...second.entries, ...third.entries].map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: 53 }, (_, i) => `decision-${String(52 - i).padStart(2, "0")}`));
    expect((await getDecisionLog(project.id, viewer)).entries).toHaveLength(50);
  });
});
