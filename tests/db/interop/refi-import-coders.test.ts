import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importQdpx } from "../../../lib/interop/refi/api";
import { notImportedHeadline } from "../../../lib/interop/refi/summary";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { schemaErrors } from "../../unit/interop/refi/fixtures";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const DIR = fileURLToPath(new URL("../../fixtures/refi/coders/", import.meta.url));
const qde = readFileSync(`${DIR}project.qde`, "utf8");
const qdpx = () => zipSync({ "project.qde": new TextEncoder().encode(qde), "sources/interview.txt": new Uint8Array(readFileSync(`${DIR}interview.txt`)) });

describe("importing who coded what (issue 17.2) and keeping the file's GUIDs", () => {
  it("the fixture is a valid REFI-QDA project", async () => {
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
  });

  it("credits each coding to its selection's user, keeps both coders of a double-coded passage, adds every listed user, and says what was left out", async () => {
    const importer = await makeUser(prisma, { name: "Iris" });
    const summary = await importQdpx({ user: { id: importer.id, email: importer.email, name: importer.name } }, qdpx(), "coders.qdpx");

    const codings = await prisma.coding.findMany({ where: { projectId: summary.projectId }, include: { code: true, coder: true, document: true } });
    for (const coding of codings) expect(sliceByCodePoints(coding.document.text, coding.start, coding.end)).toBe(coding.quote);
    expect(codings.map((c) => `${c.coder.name}|${c.code.name}|${c.quote}|${c.refiGuid}`).sort()).toEqual([
      "Ana|Belonging|The team, honestly.|f1000000-0000-4000-8000-000000000001",
      "Ana|Flexibility|Not really.|f1000000-0000-4000-8000-000000000004",
      "Ben|Belonging|The team, honestly.|f1000000-0000-4000-8000-000000000002",
      "Ben|Flexibility|the flexible hours|f1000000-0000-4000-8000-000000000003",
    ]);

    // Every user of the file is a placeholder coder of the project, Admin and Cleo (no codings) too.
    const members = await prisma.membership.findMany({ where: { projectId: summary.projectId }, include: { user: true } });
    expect(members.map((m) => [m.user.name, m.role, m.user.disabled]).sort()).toEqual([
      ["Admin", "analyst", true],
      ["Ana", "analyst", true],
      ["Ben", "analyst", true],
      ["Cleo", "analyst", true],
      ["Iris", "owner", false],
    ]);
    expect(summary.users.map((u) => [u.name, u.codings])).toEqual([
      ["Admin", 0],
      ["Ana", 2],
      ["Ben", 2],
      ["Cleo", 0],
    ]);
    expect(summary.warnings.map((w) => w.message)).toContain("4 coding(s) name a different user than their selection; each was credited to the selection's user, who made it.");

    // The headline's list of what was not imported, by kind.
    expect(summary.notImported.map((n) => [n.kind, n.count])).toEqual([
      ["picture", 1],
      ["set", 1],
      ["link", 1],
    ]);
    expect(notImportedHeadline(summary.notImported)).toBe("Not imported: 1 coding on pictures, 1 set and 1 link.");
    expect(summary.positions).toMatchObject({ convention: "Unicode code points, a CRLF counted twice, the byte order mark not counted", overrides: [] });

    // The GUIDs the rows had in the file, for a re-export.
    const id = summary.projectId;
    expect((await prisma.document.findMany({ where: { projectId: id } })).map((d) => d.refiGuid)).toEqual(["d1000000-0000-4000-8000-000000000001"]);
    expect((await prisma.code.findMany({ where: { projectId: id }, orderBy: { name: "asc" } })).map((c) => c.refiGuid)).toEqual([
      "c1000000-0000-4000-8000-000000000001",
      "c1000000-0000-4000-8000-000000000002",
    ]);
    expect((await prisma.case.findMany({ where: { projectId: id } })).map((c) => c.refiGuid)).toEqual(["e1000000-0000-4000-8000-000000000001"]);
    expect((await prisma.attributeDefinition.findMany({ where: { projectId: id } })).map((a) => a.refiGuid)).toEqual(["b1000000-0000-4000-8000-000000000001"]);
    const memos = await prisma.memo.findMany({ where: { projectId: id }, include: { author: true, coding: true } });
    expect(memos.map((m) => [m.refiGuid, m.author.name, m.coding?.quote])).toEqual([["91000000-0000-4000-8000-000000000001", "Ben", "the flexible hours"]]);
  });
});
