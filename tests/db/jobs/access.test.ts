import { describe, expect, it } from "vitest";
import { runDismissJob, runGetJob, runListJobs } from "../../../lib/jobs/access";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });

async function world() {
  const owner = await makeUser(prisma, { name: "Job owner" });
  const colleague = await makeUser(prisma, { name: "Colleague" });
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: colleague.id, role: "owner" }]);
  const base = { userId: owner.id, kind: "transcripts.import", label: "Importing 2 transcripts", total: 3 };
  const running = await prisma.backgroundJob.create({ data: { ...base, projectId: project.id, status: "running", done: 1, step: "Reading b.txt" } });
  const succeeded = await prisma.backgroundJob.create({
    data: { ...base, projectId: project.id, status: "succeeded", done: 3, result: { message: "Imported 2 transcripts.", href: `/projects/${project.id}` }, finishedAt: new Date() },
  });
  const failed = await prisma.backgroundJob.create({ data: { ...base, kind: "refi.import", label: "Importing x.qdpx", status: "failed", error: "x.qdpx: is really a PDF document.", finishedAt: new Date() } });
  return { owner, colleague, project, running, succeeded, failed };
}

describe("reading and dismissing jobs", () => {
  it("the owner reads their job with its progress and outcome", async () => {
    const w = await world();
    expect(await runGetJob(as(w.owner), { jobId: w.running.id })).toMatchObject({ ok: true, data: { status: "running", done: 1, total: 3, step: "Reading b.txt", outcome: null, seen: false } });
    expect(await runGetJob(as(w.owner), { jobId: w.succeeded.id })).toMatchObject({ ok: true, data: { status: "succeeded", outcome: { message: "Imported 2 transcripts.", href: `/projects/${w.project.id}` } } });
    expect(await runGetJob(as(w.owner), { jobId: w.failed.id })).toMatchObject({ ok: true, data: { status: "failed", error: "x.qdpx: is really a PDF document.", outcome: null } });
  });

  it("another user, even a co-owner of the project, cannot read or dismiss it: NOT_FOUND, as for a job that does not exist", async () => {
    const w = await world();
    for (const job of [w.running, w.succeeded, w.failed]) {
      expect(await runGetJob(as(w.colleague), { jobId: job.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expect(await runDismissJob(as(w.colleague), { jobId: job.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    expect(await runGetJob(as(w.owner), { jobId: "no-such-job" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.backgroundJob.count({ where: { userId: w.owner.id, seenAt: { not: null } } })).toBe(0);
    const list = await runListJobs(as(w.colleague));
    expect(list.ok && list.data).toEqual([]);
  });

  it("refuses malformed ids and callers who are not signed in", async () => {
    const w = await world();
    expect(await runGetJob(as(w.owner), { jobId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { jobId: expect.any(Array) } } });
    expect(await runGetJob(as(w.owner), { jobId: "x".repeat(65) })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await runDismissJob(as(w.owner), {})).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await runGetJob(null, { jobId: w.running.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await runListJobs(null)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("lists running jobs and outcomes not yet dismissed; a dismissed outcome leaves the list", async () => {
    const w = await world();
    const ids = async () => {
      const result = await runListJobs(as(w.owner));
      return result.ok ? result.data.map((j) => j.id).sort() : [];
    };
    expect(await ids()).toEqual([w.running.id, w.succeeded.id, w.failed.id].sort());
    expect(await runDismissJob(as(w.owner), { jobId: w.failed.id })).toMatchObject({ ok: true });
    expect(await runDismissJob(as(w.owner), { jobId: w.succeeded.id })).toMatchObject({ ok: true });
    expect(await ids()).toEqual([w.running.id]);
    // Dismissing twice is harmless; the job can still be read, marked seen.
    expect(await runDismissJob(as(w.owner), { jobId: w.failed.id })).toMatchObject({ ok: true });
    expect(await runGetJob(as(w.owner), { jobId: w.failed.id })).toMatchObject({ ok: true, data: { seen: true } });
  });

  it("hides a project's jobs from someone no longer a member of it (membership is checked again on every read)", async () => {
    const w = await world();
    await prisma.membership.delete({ where: { projectId_userId: { projectId: w.project.id, userId: w.owner.id } } });
    expect(await runGetJob(as(w.owner), { jobId: w.succeeded.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await runDismissJob(as(w.owner), { jobId: w.running.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const list = await runListJobs(as(w.owner));
    expect(list.ok && list.data.map((j) => j.id)).toEqual([w.failed.id]);
  });
});
