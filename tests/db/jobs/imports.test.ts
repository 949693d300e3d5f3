import { describe, expect, it } from "vitest";
import { startTranscriptImport } from "../../../lib/documents/import-job";
import { exportBackup } from "../../../lib/interop/backup";
import { runStartRestore } from "../../../lib/interop/backup/access";
import { runStartRefiImport } from "../../../lib/interop/refi/access";
import { MAX_RUNNING, startJob } from "../../../lib/jobs/runner";
import { buildPdf } from "../../fixtures/interop/transcripts/build";
import { minimalQdpx } from "../../unit/interop/refi/fixtures";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const file = (name: string, content: string | Uint8Array) => new File([typeof content === "string" ? content : new Uint8Array(content)], name);
const ana = () => file("ana.txt", "Researcher 1: Why AWS? 🙂\n\nAna: The cost, mostly.");
const bo = () => file("bo.txt", "Interviewer: Where do models run?\n\nBo: On premise.");
// Each label is said once, so it is a speaker only because the import preview confirmed it (as a user ticks it there).
const LABELS: Record<string, string[]> = { "ana.txt": ["Researcher 1", "Ana"], "bo.txt": ["Interviewer", "Bo"] };
const fileOptions = (fileName: string, caseName: string) => ({
  fileName,
  title: fileName.replace(".txt", ""),
  speakers: [],
  ...(LABELS[fileName] ? { speakerLabels: { kind: "chosen", labels: LABELS[fileName] } } : {}),
  case: { kind: "new", name: caseName },
});

async function world() {
  const owner = await makeUser(prisma);
  const analyst = await makeUser(prisma);
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
  return { owner, analyst, project };
}

const job = (id: string) => prisma.backgroundJob.findUniqueOrThrow({ where: { id } });
const contents = async (projectId: string) => ({
  documents: await prisma.document.count({ where: { projectId } }),
  cases: await prisma.case.count({ where: { projectId } }),
  turns: await prisma.speakerTurn.count({ where: { document: { projectId } } }),
  audit: await prisma.auditEvent.count({ where: { projectId } }),
});

describe("transcript imports run as background jobs", () => {
  it("the request gets the job at once; the job parses each file, stores them all, and records what it made", async () => {
    const w = await world();
    const started = await startTranscriptImport(as(w.owner), { projectId: w.project.id, files: [fileOptions("ana.txt", "Ana"), fileOptions("bo.txt", "Bo")] }, [ana(), bo()]);
    expect(["queued", "running"]).toContain((await job(started.jobId)).status);
    await started.finished;
    const row = await job(started.jobId);
    expect(row).toMatchObject({ status: "succeeded", projectId: w.project.id, kind: "transcripts.import", done: 3, total: 3, error: null });
    expect(row.label).toMatch(/^Importing 2 transcripts into /);
    expect(row.result).toMatchObject({ message: expect.stringMatching(/^Imported 2 transcripts into /), href: `/projects/${w.project.id}`, details: { imported: [{ title: "ana", caseName: "Ana", turns: 2 }, { title: "bo", caseName: "Bo", turns: 2 }] } });
    expect(await contents(w.project.id)).toMatchObject({ documents: 2, cases: 2 });
  });

  it("a job that fails mid-import (the second file's new case clashes) leaves the project unchanged and records the error", async () => {
    const w = await world();
    await prisma.case.create({ data: { projectId: w.project.id, name: "Bo" } });
    await makeDocument(prisma, w.project.id);
    const before = await contents(w.project.id);
    const started = await startTranscriptImport(as(w.owner), { projectId: w.project.id, files: [fileOptions("ana.txt", "Ana"), fileOptions("bo.txt", "bo")] }, [ana(), bo()]);
    await started.finished;
    expect(await job(started.jobId)).toMatchObject({ status: "failed", error: 'bo.txt: a case called "bo" already exists; choose it as an existing case.', result: null });
    // Ana's document and case were written before the clash, in the same transaction: gone with it.
    expect(await contents(w.project.id)).toEqual(before);
  });

  it("a file that cannot be read fails the job with its reason, storing nothing", async () => {
    const w = await world();
    const started = await startTranscriptImport(as(w.owner), { projectId: w.project.id, files: [fileOptions("ana.txt", "Ana"), { ...fileOptions("scan.pdf", "Scan"), title: "Scan" }] }, [ana(), file("scan.pdf", buildPdf([]))]);
    await started.finished;
    expect((await job(started.jobId)).error).toMatch(/^Nothing was imported: scan\.pdf has no text layer/);
    expect(await contents(w.project.id)).toMatchObject({ documents: 0, cases: 0 });
  });

  it("refuses at once, creating no job, what the request itself gets wrong: a viewer or analyst, another project, bad options", async () => {
    const w = await world();
    const stranger = await makeUser(prisma);
    const options = { projectId: w.project.id, files: [fileOptions("ana.txt", "Ana")] };
    await expect(startTranscriptImport(as(w.analyst), options, [ana()])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startTranscriptImport(as(stranger), options, [ana()])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startTranscriptImport(as(w.owner), { ...options, files: [] }, [ana()])).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(startTranscriptImport(as(w.owner), options, [bo()])).rejects.toThrow(/ana.txt was not uploaded/);
    expect(await prisma.backgroundJob.count({ where: { userId: { in: [w.owner.id, w.analyst.id, stranger.id] } } })).toBe(0);
  });

  it("re-checks the role when the job starts: an owner demoted while the job waited its turn imports nothing", async () => {
    const w = await world();
    // Both slots busy, so the import waits, queued.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const blockers = await Promise.all(
      Array.from({ length: MAX_RUNNING }, async () =>
        startJob({ userId: (await makeUser(prisma)).id, projectId: null, kind: "refi.import", label: "Blocking", total: 1, step: "" }, async () => {
          await gate;
          return { message: "done", href: null };
        }),
      ),
    );
    const started = await startTranscriptImport(as(w.owner), { projectId: w.project.id, files: [fileOptions("ana.txt", "Ana")] }, [ana()]);
    expect((await job(started.jobId)).status).toBe("queued");
    await prisma.membership.update({ where: { projectId_userId: { projectId: w.project.id, userId: w.owner.id } }, data: { role: "analyst" } });
    release();
    await Promise.all([started.finished, ...blockers.map((b) => b.finished)]);
    expect(await job(started.jobId)).toMatchObject({ status: "failed", error: "Only a project owner can do that." });
    expect(await contents(w.project.id)).toMatchObject({ documents: 0, cases: 0 });
  });
});

describe("REFI-QDA imports and restores run as background jobs", () => {
  it("a .qdpx becomes a new project; the job links to it", async () => {
    const w = await world();
    const result = await runStartRefiImport(as(w.owner), { fileName: "minimal.qdpx", bytes: minimalQdpx() });
    if (!result.ok) throw new Error(result.error.message);
    await result.data.finished;
    const row = await job(result.data.jobId);
    expect(row).toMatchObject({ status: "succeeded", projectId: null, kind: "refi.import", done: 4, total: 4 });
    const outcome = row.result as { href: string; details: { projectId: string; counts: { sources: number } } };
    expect(outcome.href).toBe(`/projects/${outcome.details.projectId}`);
    expect(outcome.details.counts.sources).toBe(2);
    expect(await prisma.membership.findFirst({ where: { projectId: outcome.details.projectId, userId: w.owner.id } })).toMatchObject({ role: "owner" });
  });

  it("a refused file fails the job with the importer's message and creates no project", async () => {
    const w = await world();
    const projects = await prisma.project.count();
    const result = await runStartRefiImport(as(w.owner), { fileName: "report.qdpx", bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj\n") });
    if (!result.ok) throw new Error(result.error.message);
    await result.data.finished;
    expect(await job(result.data.jobId)).toMatchObject({ status: "failed", error: "report.qdpx: is really a PDF document, not a REFI-QDA project (.qdpx, a zip archive)." });
    expect(await prisma.project.count()).toBe(projects);
  });

  it("a codebook merge needs the project's owner, checked before any job is made", async () => {
    const w = await world();
    const result = await runStartRefiImport(as(w.analyst), { fileName: "codes.qdc", bytes: new TextEncoder().encode("<CodeBook/>"), intoProjectId: w.project.id });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await prisma.backgroundJob.count({ where: { userId: w.analyst.id } })).toBe(0);
  });

  it("a restore runs as a job: a good backup becomes a project, a bad one a failure with its reason", async () => {
    const w = await world();
    await makeDocument(prisma, w.project.id);
    const good = await runStartRestore(as(w.analyst), { fileName: "backup.zip", bytes: await exportBackup(w.project.id) });
    if (!good.ok) throw new Error(good.error.message);
    await good.data.finished;
    const row = await job(good.data.jobId);
    expect(row).toMatchObject({ status: "succeeded", kind: "backup.restore", done: 6, total: 6 });
    expect((row.result as { details: { counts: { documents: number } } }).details.counts.documents).toBe(1);

    const bad = await runStartRestore(as(w.analyst), { fileName: "notes.zip", bytes: new TextEncoder().encode("notes") });
    if (!bad.ok) throw new Error(bad.error.message);
    await bad.data.finished;
    expect(await job(bad.data.jobId)).toMatchObject({ status: "failed", error: "notes.zip: is not a zip archive, so it is not a Grounded backup." });
  });
});
