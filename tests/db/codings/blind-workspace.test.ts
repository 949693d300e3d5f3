import { describe, expect, it } from "vitest";
import { getWorkspace } from "../../../lib/codings/data";
import { getProjectHome } from "../../../lib/projects/data";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

async function world() {
  const [owner, ana, ben, vic] = await Promise.all(["Owner", "Ana", "Ben", "Vic"].map((name) => makeUser(prisma, { name })));
  const project = await makeProject(prisma, [
    { userId: owner.id, role: "owner" },
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  const document = await makeDocument(prisma, project.id, "Interviewer: Why?\n\nAna: The price was right.");
  const other = await makeDocument(prisma, project.id, "Interviewer: Why?\n\nBo: The people.");
  const code = await makeCode(prisma, project.id, "Cost");
  const base = { projectId: project.id, documentId: document.id, codeId: code.id, start: 28, end: 33, quote: "price" };
  await prisma.coding.createMany({ data: [{ ...base, coderId: ana.id }, { ...base, coderId: ben.id }] });
  return { owner, ana, ben, vic, project, document, other, code };
}

const coderIdsIn = async (projectId: string, documentId: string, viewer: { id: string; role: "owner" | "analyst" | "viewer" }) =>
  (await getWorkspace(projectId, documentId, viewer))!.codings.map((c) => c.coderId).sort();

describe("blind coding in the workspace and on the project home", () => {
  it("sends a blind analyst only their own codings, a viewer none, an owner all, and counts the same way", async () => {
    const w = await world();
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    expect(await coderIdsIn(w.project.id, w.document.id, { id: w.ana.id, role: "analyst" })).toEqual([w.ana.id]);
    expect(await coderIdsIn(w.project.id, w.document.id, { id: w.vic.id, role: "viewer" })).toEqual([]);
    expect(await coderIdsIn(w.project.id, w.document.id, { id: w.owner.id, role: "owner" })).toEqual([w.ana.id, w.ben.id].sort());
    const ana = await getWorkspace(w.project.id, w.document.id, { id: w.ana.id, role: "analyst" });
    expect(ana!.blind).toBe(true);
    expect(ana!.projectCounts[w.code.id]).toBe(1);
    expect(ana!.coders.map((c) => c.id)).toEqual([w.ana.id]);
    const home = await getProjectHome(w.project.id, { id: w.ana.id, role: "analyst" });
    expect(home!.documents.find((d) => d.id === w.document.id)!.codings).toBe(1);
    expect(home!.codes[0].codings).toBe(1);
  });

  it("blinds one document alone, and reveals everything when turned off", async () => {
    const w = await world();
    await prisma.document.update({ where: { id: w.document.id }, data: { blindCoding: true } });
    expect(await coderIdsIn(w.project.id, w.document.id, { id: w.ana.id, role: "analyst" })).toEqual([w.ana.id]);
    // Project-wide counts cannot filter per document, so they stay blind while any document is.
    expect((await getWorkspace(w.project.id, w.other.id, { id: w.ana.id, role: "analyst" }))!.projectCounts[w.code.id]).toBe(1);
    await prisma.document.update({ where: { id: w.document.id }, data: { blindCoding: false } });
    expect(await coderIdsIn(w.project.id, w.document.id, { id: w.ana.id, role: "analyst" })).toEqual([w.ana.id, w.ben.id].sort());
  });
});
