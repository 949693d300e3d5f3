import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { exportProjectQdpx, importQdpx } from "../../../lib/interop/refi/api";
import { runExportQdpx } from "../../../lib/interop/refi/access";
import { EXPORT_TARGETS } from "../../../lib/interop/refi/export-targets";
import { normalizeGuid } from "../../../lib/interop/refi/guid";
import { readProject } from "../../../lib/interop/refi/read-project";
import { parseXml } from "../../../lib/interop/refi/xml-read";
import { schemaErrors } from "../../unit/interop/refi/fixtures";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { projectSnapshot } from "./snapshot";

const { prisma } = await useTestDatabase();

// A source as a Windows tool writes it: a byte order mark, CRLF line ends, emoji before,
// inside and after the selections. Positions count code points, the CRLF as two, not the BOM.
const raw = "\uFEFFQ: Why? 🙂\r\nAna: It cost 💸 a lot.\r\n\r\nQ: And then?\r\nAna: Then 👍🏽 fine, café. 🎉\r\n";
const text = raw.slice(1);
const cp = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
const selection = (guid: string, needle: string, user: string, code: string) =>
  `<PlainTextSelection guid="${guid}" name="${needle.replace(/\r\n/g, "&#13;&#10;")}" startPosition="${cp(needle)}" endPosition="${cp(needle) + [...needle].length}" creatingUser="${user}">` +
  `<Coding guid="${guid.replace(/^F0/, "F1")}" creatingUser="${user}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;
const USER_A = "{A0000000-0000-4000-8000-000000000001}";
const USER_B = "{A0000000-0000-4000-8000-000000000002}";
const CODE = "{C0000000-0000-4000-8000-000000000001}";
const SOURCE = "{D0000000-0000-4000-8000-000000000001}";
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Windows study" origin="Hand-written fixture 2.0">
  <Users><User guid="${USER_A}" name="Ana Analyst"/><User guid="${USER_B}" name="Ben"/></Users>
  <CodeBook><Codes><Code guid="${CODE}" name="Cost" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${SOURCE}" name="Interview" plainTextPath="internal://interview.txt">
      ${selection("{F0000000-0000-4000-8000-000000000001}", "It cost 💸 a lot.", USER_A, CODE)}
      ${selection("{F0000000-0000-4000-8000-000000000002}", "🙂", USER_B, CODE)}
      ${selection("{F0000000-0000-4000-8000-000000000003}", "Then 👍🏽 fine, café. 🎉", USER_A, CODE)}
      ${selection("{F0000000-0000-4000-8000-000000000004}", "a lot.\r\n\r\nQ: And", USER_B, CODE)}
    </TextSource>
  </Sources>
</Project>`;
const file = zipSync({ "project.qde": strToU8(qde), "sources/interview.txt": strToU8(raw) });

let owner: { id: string; email: string; name: string };
let imported: string;

beforeAll(async () => {
  const user = await makeUser(prisma, { name: "Olga Owner" });
  owner = { id: user.id, email: user.email, name: user.name };
  imported = (await importQdpx({ user: owner }, file, "windows.qdpx")).projectId;
});

const where = { fileName: "x.qdpx", part: "project.qde" };

describe("exports for each target tool, read back by the importer", () => {
  it("the imported source has its passages on the right characters (the baseline)", async () => {
    const codings = (await projectSnapshot(prisma, imported)).codings.map((c) => [c.quote, c.coder]).sort();
    expect(codings).toEqual(
      [
        ["It cost 💸 a lot.", "Ana Analyst"],
        ["🙂", "Ben"],
        ["Then 👍🏽 fine, café. 🎉", "Ana Analyst"],
        ["a lot.\n\nQ: And", "Ben"],
      ].sort(),
    );
  });

  it.each(EXPORT_TARGETS)("%s: every coding comes back with the same text and coder, and the file is valid", async (target) => {
    const bytes = await exportProjectQdpx(imported, undefined, target);
    const files = unzipSync(bytes);
    expect(await schemaErrors("Project.xsd", new TextDecoder().decode(files["project.qde"]))).toEqual([]);
    const copy = await importQdpx({ user: owner }, bytes, `${target}.qdpx`);
    expect(copy.warnings.filter((w) => w.kind === "position")).toEqual([]);
    const before = await projectSnapshot(prisma, imported);
    const after = await projectSnapshot(prisma, copy.projectId);
    expect(after.documents.map((d) => d.text)).toEqual(before.documents.map((d) => d.text));
    expect(after.codings).toEqual(before.codings);
  });

  it("gives the other tool back its own GUIDs, and the users their names", async () => {
    const files = unzipSync(await exportProjectQdpx(imported));
    const project = readProject(where, parseXml(files["project.qde"], where, 64));
    expect(project.codes.map((c) => c.guid)).toEqual([normalizeGuid(CODE)]);
    expect(project.textSources.map((s) => s.guid)).toEqual([normalizeGuid(SOURCE)]);
    expect(project.textSources[0].selections.map((s) => s.guid).sort()).toEqual([1, 2, 3, 4].map((n) => `f0000000-0000-4000-8000-00000000000${n}`));
    // Ana and Ben are placeholder coders: their names, not their made-up addresses, are what the file says.
    expect(project.users.map((u) => [u.name, u.id]).sort()).toEqual([
      ["Ana Analyst", null],
      ["Ben", null],
      ["Olga Owner", owner.email],
    ]);
  });

  it("takes the target from the request, names the file for it, and refuses an unknown one", async () => {
    expect(await runExportQdpx(owner, { projectId: imported, target: "nvivo" })).toMatchObject({ ok: true, data: { fileName: "Windows study for NVivo.qdpx" } });
    expect(await runExportQdpx(owner, { projectId: imported })).toMatchObject({ ok: true, data: { fileName: "Windows study.qdpx" } });
    expect(await runExportQdpx(owner, { projectId: imported, target: "word" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { target: [expect.stringMatching(/nvivo/)] } } });
  });
});
