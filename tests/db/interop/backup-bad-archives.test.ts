import { createHash } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { exportBackup, restoreBackup } from "../../../lib/interop/backup";
import { exportProjectQdpx } from "../../../lib/interop/refi/api";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type Person = { id: string; email: string; name: string };
let me: Person;
let good: Unzipped;
let projectId: string;

beforeAll(async () => {
  const owner = await makeUser(prisma, { name: "Owner" });
  me = { id: owner.id, email: owner.email, name: owner.name };
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
  projectId = project.id;
  const document = await makeDocument(prisma, project.id, "Interviewer: Why AWS?\n\nAna: The cost, mostly. 🙂");
  const code = await makeCode(prisma, project.id, "Cost");
  await prisma.case.createMany({ data: [{ projectId, name: "Ana" }, { projectId, name: "Bo" }] });
  await prisma.coding.create({ data: { projectId, documentId: document.id, codeId: code.id, coderId: owner.id, start: 27, end: 36, quote: sliceByCodePoints(document.text, 27, 36) } });
  good = unzipSync(await exportBackup(projectId, { key: null }));
});

/** The good archive with some entries changed; the manifest's checksums follow unless `stale`. */
function edited(edit: (files: Unzipped) => void, options: { stale?: boolean } = {}): Uint8Array {
  const files: Unzipped = Object.fromEntries(Object.entries(good).map(([name, bytes]) => [name, bytes.slice()]));
  const oldData = strFromU8(files["backup.json"]);
  edit(files);
  if (!options.stale && strFromU8(files["backup.json"]) !== oldData) {
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    for (const name of Object.keys(manifest.entries)) {
      if (!files[name]) continue;
      manifest.entries[name] = { sha256: createHash("sha256").update(files[name]).digest("hex"), bytes: files[name].length };
    }
    files["manifest.json"] = strToU8(JSON.stringify(manifest));
  }
  return zipSync(files);
}

const editJson = (name: string, change: (json: Record<string, any>) => void) => (files: Unzipped) => {
  const json = JSON.parse(strFromU8(files[name]));
  change(json);
  files[name] = strToU8(JSON.stringify(json));
};

async function refused(bytes: Uint8Array, fileName: string, message: RegExp) {
  const counts = async () => [await prisma.project.count(), await prisma.user.count(), await prisma.document.count(), await prisma.coding.count(), await prisma.auditEvent.count()];
  const before = await counts();
  await expect(restoreBackup(me, bytes, fileName, { key: null })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(message) });
  expect(await counts()).toEqual(before);
}

describe("restoring archives that are not good backups: a clear message, and nothing created", () => {
  it("a good archive restores (the baseline the others break)", async () => {
    const summary = await restoreBackup(me, zipSync(good), "good.zip", { key: null });
    expect(summary.counts).toMatchObject({ documents: 1, codings: 1, cases: 2 });
  });

  it("an archive of format 2 (before saved searches, auto-coding runs and kept REFI-QDA GUIDs) still restores, without them", async () => {
    const older = edited((files) => {
      editJson("manifest.json", (m) => (m.version = 2))(files);
      editJson("backup.json", (data) => {
        delete data.savedSearches;
        delete data.batches;
        for (const table of ["attributes", "cases", "documents", "codes", "codings", "memos"]) for (const row of data[table]) delete row.refiGuid;
        for (const coding of data.codings) delete coding.batchId;
      })(files);
    });
    const summary = await restoreBackup(me, older, "format-2.zip", { key: null });
    expect(summary.counts).toMatchObject({ documents: 1, codings: 1, cases: 2, savedSearches: 0, autocodeRuns: 0 });
    const coding = await prisma.coding.findFirstOrThrow({ where: { projectId: summary.projectId } });
    const original = await prisma.coding.findFirstOrThrow({ where: { projectId } });
    expect([coding.quote, coding.start, coding.batchId, coding.refiGuid]).toEqual([original.quote, original.start, null, null]);
  });

  it("refuses a run or a saved search that names what the backup lacks, and two saved searches of one name", async () => {
    const withRun = (change: (data: Record<string, any>) => void) =>
      edited(
        editJson("backup.json", (data) => {
          data.batches = [{ id: "run1", actorId: data.users[0].id, codeId: data.codes[0].id, kind: "search", source: { kind: "search", summary: "x" }, createdAt: "2025-01-01T00:00:00.000Z", undoneAt: null }];
          data.savedSearches = [{ id: "s1", name: "Cost", query: { params: "q=cost" }, createdById: data.users[0].id, createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z" }];
          change(data);
        }),
      );
    await refused(withRun((d) => (d.codings[0].batchId = "run2")), "run.zip", /^run\.zip: backup\.json says the coding \S+ refers to the auto-coding run run2, which is not in the backup/);
    await refused(withRun((d) => (d.batches[0].codeId = "nope")), "code.zip", /^code\.zip: backup\.json says the auto-coding run run1 refers to the code nope, which is not in the backup/);
    await refused(withRun((d) => d.savedSearches.push({ ...d.savedSearches[0], id: "s2", name: "COST" })), "twice.zip", /^twice\.zip: backup\.json lists the saved search name cost twice/);
  });

  it("refuses files that are not zip archives, and zips that are not backups", async () => {
    await refused(strToU8("just some notes"), "notes.zip", /^notes\.zip: is not a zip archive, so it is not a Grounded backup\.$/);
    await refused(strToU8("%PDF-1.7\n1 0 obj\n"), "report.zip", /^report\.zip: is really a PDF document, not a Grounded backup/);
    await refused(await exportProjectQdpx(projectId), "study.qdpx", /^study\.qdpx: is a REFI-QDA project \(\.qdpx\), not a Grounded backup: it has no manifest\.json/);
    await refused(zipSync({ "readme.txt": strToU8("hello") }), "other.zip", /^other\.zip: is a zip archive but not a Grounded backup: it holds no manifest\.json\.$/);
    await refused(good["backup.json"].slice(0, 20), "cut.zip", /^cut\.zip: is not a zip archive/);
    const zip = zipSync(good);
    await refused(zip.slice(0, Math.floor(zip.length / 2)), "half.zip", /^half\.zip: is a damaged zip archive/);
  });

  it("refuses a backup of a newer format version, naming it", async () => {
    await refused(edited(editJson("manifest.json", (m) => (m.version = 5))), "future.zip", /^future\.zip: was made by a newer version of Grounded \(backup format 5\); this server reads format 4\. Update Grounded/);
    await refused(edited(editJson("manifest.json", (m) => (m.version = 0))), "zero.zip", /^zero\.zip: manifest\.json names backup format 0, which no version of Grounded wrote/);
    await refused(edited(editJson("manifest.json", (m) => (m.format = "someone-elses-backup"))), "theirs.zip", /^theirs\.zip: is not a Grounded backup: manifest\.json names the format "someone-elses-backup"/);
  });

  it("refuses a corrupted manifest", async () => {
    await refused(edited((files) => (files["manifest.json"] = strToU8('{"format": "grounded-backup", "vers'))), "broken.zip", /^broken\.zip: manifest\.json is damaged: it is not valid JSON\.$/);
    await refused(edited(editJson("manifest.json", (m) => delete m.entries)), "no-entries.zip", /^no-entries\.zip: manifest\.json is damaged: entries: /);
    await refused(edited(editJson("manifest.json", (m) => delete m.version)), "no-version.zip", /^no-version\.zip: manifest\.json is damaged: it names no format and version\.$/);
    await refused(edited(editJson("manifest.json", (m) => (m.entries["backup.json"].sha256 = "0".repeat(64)))), "wrong-sum.zip", /^wrong-sum\.zip: backup\.json does not match the checksum in manifest\.json; the archive is damaged\.$/);
  });

  it("refuses damaged or missing entries", async () => {
    await refused(edited(editJson("backup.json", (d) => (d.project.name = "Changed")), { stale: true }), "changed.zip", /^changed\.zip: backup\.json does not match the checksum in manifest\.json/);
    const source = Object.keys(good).find((name) => name.startsWith("sources/"))!;
    await refused(edited((files) => delete files[source]), "short.zip", new RegExp(`^short\\.zip: ${source} is missing from the archive`));
    await refused(edited((files) => (files[source] = strToU8("Interviewer: Why GCP?\n\nAna: The cost, mostly. 🙂"))), "text.zip", /^text\.zip: sources\/.+\.txt does not match the checksum/);
    await refused(edited(editJson("backup.json", (d) => delete d.codings)), "shape.zip", /^shape\.zip: backup\.json is damaged: codings: /);
  });

  it("refuses ids that refer to nothing, naming the first", async () => {
    await refused(edited(editJson("backup.json", (d) => (d.codings[0].documentId = "no-such-document"))), "dangling.zip", /^dangling\.zip: backup\.json says the coding \S+ refers to the document no-such-document, which is not in the backup; the archive is damaged or was edited, and nothing was restored\.$/);
    await refused(edited(editJson("backup.json", (d) => (d.memberships[0].userId = "nobody"))), "member.zip", /says a membership refers to the user nobody/);
    await refused(edited(editJson("backup.json", (d) => (d.codes[0].parentId = d.codes[0].id))), "loop.zip", /has the code \S+ inside itself/);
    await refused(edited(editJson("backup.json", (d) => d.cases.push(d.cases[0]))), "twice.zip", /lists the case \S+ twice/);
  });

  it("refuses data the database would not keep, leaving nothing half-restored", async () => {
    await refused(edited(editJson("backup.json", (d) => (d.codings[0].quote = "not the text"))), "quote.zip", /^quote\.zip: holds data the database refuses \(the quote does not match the document text at \[27, 36\)\)/);
    await refused(edited(editJson("backup.json", (d) => (d.cases[1].name = d.cases[0].name))), "names.zip", /^names\.zip: holds two rows the project can only have once/);
  });
});
