import { strToU8, zipSync } from "fflate";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { importQdc, importQdpx } from "../../../lib/interop/refi/api";
import { RefiFileError } from "../../../lib/interop/refi/errors";
import { REFI_IMPORT_LIMITS } from "../../../lib/interop/refi/limits";
import { fixture, minimalQdpx } from "../../unit/interop/refi/fixtures";
import { makeCode, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma, url } = await useTestDatabase();

const TABLES = ["User", "Project", "Membership", "AttributeDefinition", "Case", "AttributeValue", "Document", "SpeakerTurn", "Code", "Coding", "Memo", "AuditEvent"];

async function tableCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table)}`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

let ctx: { user: { id: string; email: string; name: string } };
let projectId: string;
beforeAll(async () => {
  const owner = await makeUser(prisma, { name: "Owner" });
  ctx = { user: { id: owner.id, email: owner.email, name: owner.name } };
  projectId = (await makeProject(prisma, [{ userId: owner.id, role: "owner" }])).id;
  await makeCode(prisma, projectId, "Existing");
});

/** The import is refused with a message naming the file and matching `problem`, and no row changes anywhere. */
async function refused(run: () => Promise<unknown>, problem: RegExp): Promise<void> {
  const before = await tableCounts();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefiFileError);
  expect((error as Error).message).toMatch(problem);
  expect(await tableCounts()).toEqual(before);
}

const edited = (edit: (qde: string) => string) => minimalQdpx({ edit });

describe("bad REFI-QDA files: a clear message naming the file and the problem, nothing imported", () => {
  it("malformed XML", async () => {
    await refused(() => importQdpx(ctx, edited((qde) => qde.replace("</qda:Users>", "")), "study.qdpx"), /^study\.qdpx: project\.qde is not well-formed XML \(line \d+, column \d+: .+\)/);
    await refused(() => importQdc(ctx, strToU8("<CodeBook><Codes><Code></CodeBook>"), "broken.qdc"), /^broken\.qdc: the file is not well-formed XML \(line 1/);
  });

  it("a zip that is not a .qdpx", async () => {
    const zip = zipSync({ "readme.txt": strToU8("hello"), "data/table.csv": strToU8("a,b") });
    await refused(() => importQdpx(ctx, zip, "archive.qdpx"), /^archive\.qdpx: is a zip archive but not a REFI-QDA project: it holds no project\.qde \(it holds readme\.txt, data\/table\.csv\)\./);
  });

  it("a zip bomb: too many entries, or more unpacked bytes than the limit (declared truthfully or not)", async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`sources/${i}.txt`, strToU8("x")])));
    await refused(() => importQdpx(ctx, many, "many.qdpx", { limits: { maxArchiveEntries: 10 } }), /^many\.qdpx: holds more than 10 files/);

    // 20 MB of zeros compress to about 20 KB.
    const zeros = zipSync({ "project.qde": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(zeros.length).toBeLessThan(100_000);
    await refused(() => importQdpx(ctx, zeros, "zeros.qdpx", { limits: { maxUnpackedBytes: 10 * 1024 * 1024 } }), /^zeros\.qdpx: would unpack to more than 10 MB/);

    // A central directory that claims 4 GB for a small entry, against the default limits.
    const lying = minimalQdpx();
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    for (let at = 0; at + 46 <= lying.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    await refused(() => importQdpx(ctx, lying, "bomb.qdpx"), new RegExp(`^bomb\\.qdpx: would unpack to more than ${REFI_IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024} MB`));
  });

  it("a 200 MB upload, refused on its size before anything is unpacked", async () => {
    const huge = new Uint8Array(200 * 1024 * 1024);
    huge.set(minimalQdpx());
    await refused(() => importQdpx(ctx, huge, "huge.qdpx"), /^huge\.qdpx: is 200 MB; the largest file we accept is 100 MB\./);
    await refused(() => importQdc(ctx, huge, "huge.qdc"), /^huge\.qdc: is 200 MB/);
  });

  it("a selection beyond its source's end", async () => {
    await refused(
      () => importQdpx(ctx, edited((qde) => qde.replace('startPosition="127" endPosition="152"', 'startPosition="127" endPosition="9152"')), "beyond.qdpx"),
      /^beyond\.qdpx: the selection "Credits — we got credits\." in source "Interview 1" runs from 127 to 9152, beyond the end of its text \(\d+ characters/,
    );
  });

  it("duplicate GUIDs", async () => {
    await refused(
      () => importQdpx(ctx, edited((qde) => qde.replace('guid="{C0000000-0000-4000-8000-000000000004}"', 'guid="{c0000000-0000-4000-8000-000000000002}"')), "twice.qdpx"),
      /^twice\.qdpx: project\.qde: the GUID c0000000-0000-4000-8000-000000000002 is used by two codes, code "Cost" and code "Community"/,
    );
  });

  it("an unknown code reference", async () => {
    await refused(
      () => importQdpx(ctx, edited((qde) => qde.replace('<qda:CodeRef targetGUID="{C0000000-0000-4000-8000-000000000004}"/>', '<qda:CodeRef targetGUID="{C9999999-0000-4000-8000-000000000004}"/>')), "unknown.qdpx"),
      /^unknown\.qdpx: the coding f1000000-0000-4000-8000-000000000002 in source "Interview 1" refers to the code c9999999-0000-4000-8000-000000000004, which the codebook does not contain\./,
    );
  });

  it("a .qdpx that is really a PDF, an image or a Word document, and a .qdc that is really a .qdpx", async () => {
    const docx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") });
    await refused(() => importQdpx(ctx, docx, "interview.qdpx"), /^interview\.qdpx: is really a Word document \(\.docx\), not a REFI-QDA project \(\.qdpx\)\./);
    await refused(() => importQdpx(ctx, strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "report.qdpx"), /^report\.qdpx: is really a PDF document, not a REFI-QDA project \(\.qdpx, a zip archive\)\./);
    await refused(() => importQdpx(ctx, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "photo.qdpx"), /^photo\.qdpx: is really a PNG image/);
    await refused(() => importQdc(ctx, minimalQdpx(), "project.qdc"), /^project\.qdc: is a zip archive \(a \.qdpx project\?\), not a codebook/);
    await refused(() => importQdc(ctx, fixture("minimal/project.qde"), "project.qdc"), /^project\.qdc: this is a project file \(\.qde\), not a codebook/);
    await refused(() => importQdc(ctx, fixture("codebook.qdc"), "codebook.qdc", { intoProjectId: projectId, limits: { maxUploadBytes: 100 } }), /^codebook\.qdc: is 781 bytes; the largest file we accept is 100 bytes\./);
  });

  it("leaves the database unchanged when it refuses a row halfway through the import", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE FUNCTION test_refuse_memo() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`);
    // Memos are written last: placeholders, project, documents, codes and codings are to undo.
    await client.query(`CREATE TRIGGER test_refuse_memo BEFORE INSERT ON "Memo" FOR EACH ROW EXECUTE FUNCTION test_refuse_memo()`);
    const before = await tableCounts();
    try {
      await expect(importQdpx(ctx, minimalQdpx(), "minimal.qdpx")).rejects.toThrow(/refused by the test/);
    } finally {
      await client.query(`DROP TRIGGER test_refuse_memo ON "Memo"; DROP FUNCTION test_refuse_memo()`);
      await client.end();
    }
    expect(await tableCounts()).toEqual(before);
  });
});
