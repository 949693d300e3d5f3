import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoStudy } from "../../../lib/demo";
import { exportProjectQdpx, importQdpx } from "../../../lib/interop/refi/api";
import { schemaErrors } from "../../unit/interop/refi/fixtures";
import { useTestDatabase } from "../helpers/test-database";
import { projectSnapshot } from "./snapshot";

const { prisma } = await useTestDatabase();

let projectId: string;
let owner: { id: string; email: string; name: string };

// The demo study, plus what it lacks and a project can hold: memos on the project, a
// document, a code and a coding, and a yes/no attribute.
beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  owner = await prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.grounded.test" }, select: { id: true, email: true, name: true } });
  const analyst = await prisma.user.findUniqueOrThrow({ where: { email: "analyst-a@demo.grounded.test" } });
  const document = await prisma.document.findFirstOrThrow({ where: { projectId }, orderBy: { position: "asc" } });
  const code = await prisma.code.findFirstOrThrow({ where: { projectId, parentId: { not: null } } });
  const coding = await prisma.coding.findFirstOrThrow({ where: { projectId, coderId: analyst.id } });
  await prisma.memo.createMany({
    data: [
      { projectId, authorId: owner.id, title: "Study design", body: "Thirty-two interviews,\nlate 2017.\r\nSee the report." },
      { projectId, authorId: analyst.id, documentId: document.id, title: "", body: "A long first interview & a \"quoted\" <aside>." },
      { projectId, authorId: owner.id, codeId: code.id, title: "Scope", body: "Keep it narrow." },
      { projectId, authorId: analyst.id, codingId: coding.id, title: "Why this passage", body: "It names the cost 🙂 plainly." },
    ],
  });
  const attribute = await prisma.attributeDefinition.create({ data: { projectId, name: "follow-up agreed", type: "boolean", position: 99 } });
  const cases = await prisma.case.findMany({ where: { projectId }, orderBy: { name: "asc" }, take: 3 });
  await prisma.attributeValue.createMany({ data: cases.map((c, i) => ({ projectId, caseId: c.id, attributeId: attribute.id, booleanValue: i % 2 === 0 })) });
});

describe("REFI-QDA round trip of the demo study", () => {
  it("export -> import into a new project gives the same documents, codes, codings, analysts, cases, attributes and memos", async () => {
    const bytes = await exportProjectQdpx(projectId);
    // With memos on every kind of thing and a Boolean variable, still valid.
    expect(await schemaErrors("Project.xsd", new TextDecoder().decode(unzipSync(bytes)["project.qde"]))).toEqual([]);
    const summary = await importQdpx({ user: owner }, bytes, "demo.qdpx");

    expect(summary.projectId).not.toBe(projectId);
    expect(summary.mode).toBe("new-project");
    const before = await projectSnapshot(prisma, projectId);
    const after = await projectSnapshot(prisma, summary.projectId);
    expect(after.documents).toEqual(before.documents);
    expect(after.codes).toEqual(before.codes);
    expect(after.codings).toEqual(before.codings);
    expect(after.analysts).toEqual(before.analysts);
    expect(after.attributes).toEqual(before.attributes);
    expect(after.cases).toEqual(before.cases);
    expect(after.memos).toEqual(before.memos);
    expect(after).toEqual(before);

    expect(summary.counts).toMatchObject({ sources: 32, cases: 32, variables: 21, memos: 4, codes: before.codes.length, codings: before.codings.length });
    // Every passage placed from the quotation it carries, none shifted or approximate.
    expect(summary.warnings.filter((w) => w.kind === "position")).toEqual([]);
    expect(summary.positions?.strength).not.toBe("weak");
    expect(summary.sources.every((s) => s.positions === null || !s.positions.own)).toBe(true);
    // The importer is matched to their own account; the other analysts come back as
    // placeholder coders with their names, never linked to real accounts by a file.
    expect(summary.users.map((u) => [u.name, u.kind]).sort()).toEqual([
      ["Ana Analyst (A)", "placeholder"],
      ["Ben Analyst (B)", "placeholder"],
      ["Olivia Owner", "you"],
    ]);
    const roles = await prisma.membership.findMany({ where: { projectId: summary.projectId }, include: { user: true } });
    expect(Object.fromEntries(roles.map((m) => [m.user.name, m.role]))).toEqual({
      "Olivia Owner": "owner",
      "Ana Analyst (A)": "analyst",
      "Ben Analyst (B)": "analyst",
    });
    expect(roles.filter((m) => m.user.email.endsWith(".placeholder.grounded.invalid")).every((m) => m.user.disabled)).toBe(true);
  });

  it("exports the re-imported project to the same sources and the same structure (only GUIDs, which derive from row ids, differ)", async () => {
    const first = unzipSync(await exportProjectQdpx(projectId));
    const copy = await importQdpx({ user: owner }, await exportProjectQdpx(projectId), "demo.qdpx");
    const second = unzipSync(await exportProjectQdpx(copy.projectId));
    const texts = (files: Record<string, Uint8Array>) =>
      Object.entries(files)
        .filter(([name]) => name.startsWith("sources/"))
        .map(([, bytes]) => new TextDecoder().decode(bytes))
        .sort();
    expect(texts(second)).toEqual(texts(first));
    const shape = (files: Record<string, Uint8Array>) =>
      new TextDecoder()
        .decode(files["project.qde"])
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "GUID")
        .replace(/(creationDateTime|modifiedDateTime)="[^"]*"/g, "$1")
        // Analysts come back as placeholder coders: their names travel, not their addresses
        // (a placeholder's made-up address is not written as its id).
        .replace(/(<User [^>]*?) id="[^"]*"/g, "$1")
        .split("\n")
        .sort();
    expect(shape(second)).toEqual(shape(first));
  });
});
