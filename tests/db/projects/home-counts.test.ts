import { describe, expect, it } from "vitest";
import { getProjectHome, MAX_CASE_NAMES } from "../../../lib/projects/data";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

/**
 * The project home counts codings per document and per code in one grouped SQL pass
 * (lib/projects/data.ts): held here against a plain count of the same rows, with a deleted
 * code, another project's codings, and blind coding.
 */
describe("project home counts", () => {
  it("equals a plain count of the codings, per document and per code, for every reader", async () => {
    const [owner, ana, ben] = await Promise.all(["Owner", "Ana", "Ben"].map((name) => makeUser(prisma, { name })));
    const project = await makeProject(prisma, [
      { userId: owner.id, role: "owner" },
      { userId: ana.id, role: "analyst" },
      { userId: ben.id, role: "analyst" },
    ]);
    const elsewhere = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    const text = "Interviewer: Why?\n\nAna: The price was right and the people were kind.";
    const documents = await Promise.all([0, 1, 2].map(() => makeDocument(prisma, project.id, text)));
    const codes = await Promise.all(["Cost", "People", "Gone"].map((name) => makeCode(prisma, project.id, name)));
    const otherDocument = await makeDocument(prisma, elsewhere.id, text);
    const otherCode = await makeCode(prisma, elsewhere.id, "Cost");
    const rows: { projectId: string; documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string }[] = [];
    let n = 0;
    for (const [d, document] of documents.entries())
      for (const [c, code] of codes.entries())
        for (const coder of [ana, ben])
          for (let k = 0; k < (d + c + (coder === ana ? 1 : 2)) % 4; k++) rows.push({ projectId: project.id, documentId: document.id, codeId: code.id, coderId: coder.id, start: k, end: k + 5 + n++ % 3, quote: "x" });
    await prisma.coding.createMany({ data: rows.map((r) => ({ ...r, quote: text.slice(r.start, r.end) })) });
    await prisma.coding.create({ data: { projectId: elsewhere.id, documentId: otherDocument.id, codeId: otherCode.id, coderId: owner.id, start: 0, end: 5, quote: text.slice(0, 5) } });
    await prisma.code.update({ where: { id: codes[2].id }, data: { deletedAt: new Date() } });

    const plain = (coders: string[] | null) => {
      const live = rows.filter((r) => r.codeId !== codes[2].id && (coders === null || coders.includes(r.coderId)));
      const count = (key: "documentId" | "codeId", id: string) => live.filter((r) => r[key] === id).length;
      return { documents: documents.map((d) => count("documentId", d.id)), codes: codes.slice(0, 2).map((c) => count("codeId", c.id)) };
    };
    const shown = async (viewer: { id: string; role: "owner" | "analyst" }) => {
      const home = (await getProjectHome(project.id, viewer))!;
      return {
        documents: documents.map((d) => home.documents.find((x) => x.id === d.id)!.codings),
        codes: codes.slice(0, 2).map((c) => home.codes.find((x) => x.id === c.id)!.codings),
      };
    };
    expect(await shown({ id: owner.id, role: "owner" })).toEqual(plain(null));
    expect(await shown({ id: ana.id, role: "analyst" })).toEqual(plain(null));
    await prisma.project.update({ where: { id: project.id }, data: { blindCoding: true } });
    expect(await shown({ id: ana.id, role: "analyst" })).toEqual(plain([ana.id]));
    expect(await shown({ id: owner.id, role: "owner" })).toEqual(plain(null));
    expect((await getProjectHome(project.id, { id: owner.id, role: "owner" }))!.codes.map((c) => c.id)).not.toContain(codes[2].id);
  });

  it("lists the first cases by name and counts them all", async () => {
    const owner = await makeUser(prisma, { name: "Owner" });
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    await prisma.case.createMany({ data: Array.from({ length: MAX_CASE_NAMES + 5 }, (_, i) => ({ projectId: project.id, name: `Case ${String(i).padStart(4, "0")}` })) });
    const home = (await getProjectHome(project.id, { id: owner.id, role: "owner" }))!;
    expect(home.caseCount).toBe(MAX_CASE_NAMES + 5);
    expect(home.cases.map((c) => c.name)).toEqual(Array.from({ length: MAX_CASE_NAMES }, (_, i) => `Case ${String(i).padStart(4, "0")}`));
    expect(await getProjectHome("no-such-project", { id: owner.id, role: "owner" })).toBeNull();
  });
});
