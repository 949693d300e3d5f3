import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Db } from "../../../lib/db/client";
import { exportBackup, restoreBackup } from "../../../lib/interop/backup/api";
import { exportProjectQdpx, importQdpx } from "../../../lib/interop/refi/api";
import { schemaErrors } from "../../unit/interop/refi/fixtures";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const TEXT = "Ana: The cost of the cloud was the main thing.";

/** A small project with one memo of each kind (and a coding's own memo), authored by two people. */
async function memoWorld(prisma: Db) {
  const owner = await makeUser(prisma, { name: "Olivia Owner" });
  const analyst = await makeUser(prisma, { name: "Ana Analyst" });
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
  const document = await makeDocument(prisma, project.id, TEXT);
  const kase = await prisma.case.create({ data: { projectId: project.id, name: "Participant 1" } });
  await prisma.document.update({ where: { id: document.id }, data: { caseId: kase.id } });
  const code = await makeCode(prisma, project.id, "Cost");
  const start = TEXT.indexOf("The cost");
  const coding = await prisma.coding.create({ data: { projectId: project.id, documentId: document.id, codeId: code.id, coderId: analyst.id, start, end: start + 8, quote: "The cost", memo: "Said *first*." } });
  const p = project.id;
  await prisma.memo.createMany({
    data: [
      { projectId: p, authorId: owner.id, title: "Day one", body: "We **started**.\n\n- read all\n- code" },
      { projectId: p, authorId: analyst.id, documentId: document.id, title: "Pauses", body: "Long pauses & <b>sighs</b>." },
      { projectId: p, authorId: owner.id, codeId: code.id, title: "", body: "Money and time." },
      { projectId: p, authorId: analyst.id, caseId: kase.id, title: "About P1", body: "Tired that day 🙂." },
      { projectId: p, authorId: analyst.id, codingId: coding.id, title: "Why", body: "Names the cost plainly." },
    ],
  });
  return { owner, analyst, project };
}

/** Each memo by what it is about (named, since ids change), its author, title and body. */
async function memosOf(projectId: string) {
  const memos = await prisma.memo.findMany({
    where: { projectId },
    include: { author: true, document: true, code: true, case: true, coding: { include: { code: true, document: true } } },
  });
  const about = (m: (typeof memos)[number]) =>
    m.coding ? `coding ${m.coding.code.name} ${m.coding.start}-${m.coding.end} in ${m.coding.document.title}`
    : m.document ? `document ${m.document.title}`
    : m.code ? `code ${m.code.name}`
    : m.case ? `case ${m.case.name}`
    : "journal";
  return memos.map((m) => ({ about: about(m), author: m.author.name, title: m.title, body: m.body })).sort((a, b) => a.about.localeCompare(b.about));
}

describe("memos of every kind survive a round trip", () => {
  it("through REFI-QDA: exported as Notes with NoteRefs (a case's by SelectionRef), valid, and imported onto the same things", async () => {
    const { owner, project } = await memoWorld(prisma);
    const bytes = await exportProjectQdpx(project.id);
    const qde = new TextDecoder().decode(unzipSync(bytes)["project.qde"]);
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
    expect(qde.match(/<Note /g)).toHaveLength(5);
    expect(qde).toMatch(/<Case [^>]*name="Participant 1"[^>]*>[\s\S]*<SelectionRef targetGUID="[^"]+"\/>[\s\S]*<\/Case>/);

    const summary = await importQdpx({ user: { id: owner.id, email: owner.email, name: owner.name } }, bytes, "memos.qdpx");
    expect(summary.counts.memos).toBe(5);
    // The note on the case is a memo link, not a passage the case points at.
    expect(summary.warnings.filter((w) => w.kind === "case" || w.kind === "memo")).toEqual([]);
    const before = await memosOf(project.id);
    const after = await memosOf(summary.projectId);
    expect(after.map((m) => m.about)).toEqual(["case Participant 1", "code Cost", expect.stringMatching(/^coding Cost 5-13 in /), expect.stringMatching(/^document /), "journal"]);
    expect(after.map(({ about: _a, ...m }) => m)).toEqual(before.map(({ about: _a, ...m }) => m));
    // The coding's own memo travels as its selection's Description.
    expect((await prisma.coding.findFirstOrThrow({ where: { projectId: summary.projectId } })).memo).toBe("Said *first*.");
  });

  it("through a backup: every memo restored on its target, the case's included", async () => {
    const { owner, project } = await memoWorld(prisma);
    const summary = await restoreBackup({ id: owner.id, email: owner.email, name: owner.name }, await exportBackup(project.id), "memos backup.zip");
    const before = await memosOf(project.id);
    expect(before).toHaveLength(5);
    expect(await memosOf(summary.projectId)).toEqual(before);
    expect(await prisma.memo.count({ where: { projectId: summary.projectId, caseId: { not: null } } })).toBe(1);
  });
});
