import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { MAX_ACTIVE_PER_USER, MAX_RUNNING, startJob, type JobReporter, type StartedJob } from "../../../lib/jobs/runner";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

/** A job whose work reports a step and then waits until the test lets it go on. */
function gated(steps: { done: number; total: number; step: string }[] = []) {
  let release!: (error?: Error) => void;
  const gate = new Promise<void>((resolve, reject) => (release = (error) => (error ? reject(error) : resolve())));
  gate.catch(() => {}); // rejected on purpose, maybe before the work awaits it
  let begun!: () => void;
  const started = new Promise<void>((resolve) => (begun = resolve));
  const work = async (job: JobReporter) => {
    for (const step of steps) await job.report(step);
    begun();
    await gate;
    return { message: "All done.", href: "/projects", details: { rows: 3 } };
  };
  return { work, release, started };
}

const spec = (userId: string, label = "Test job") => ({ userId, projectId: null, kind: "transcripts.import" as const, label, total: 3, step: "Waiting to start" });

describe("background jobs", () => {
  it("return at once, report progress while the work runs, and record the outcome", async () => {
    const user = await makeUser(prisma);
    const job = gated([{ done: 1, total: 3, step: "Reading b.txt" }]);
    const { jobId, finished } = await startJob(spec(user.id), job.work);
    await job.started;
    expect(await prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "running", done: 1, total: 3, step: "Reading b.txt", finishedAt: null, result: null });

    job.release();
    await finished;
    const row = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(row).toMatchObject({ status: "succeeded", done: 3, total: 3, error: null, result: { message: "All done.", href: "/projects", details: { rows: 3 } } });
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
  });

  it("record a failure with the error's own message, or an apology for an unexpected error", async () => {
    const user = await makeUser(prisma);
    const refused = gated();
    const a = await startJob(spec(user.id), refused.work);
    refused.release(new AppError("VALIDATION", "Nothing was imported: scan.pdf has no text layer."));
    await a.finished;
    expect(await prisma.backgroundJob.findUniqueOrThrow({ where: { id: a.jobId } })).toMatchObject({ status: "failed", error: "Nothing was imported: scan.pdf has no text layer." });

    const crashed = gated();
    const b = await startJob(spec(user.id), crashed.work);
    crashed.release(new Error("connection reset by peer"));
    await b.finished;
    const row = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: b.jobId } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/^Something went wrong on the server; nothing was imported\./);
    expect(row.error).not.toMatch(/connection reset/);
  });

  it(`run at most ${MAX_RUNNING} at once; the others wait, queued, for a free slot`, async () => {
    const users = await Promise.all([0, 1, 2].map(() => makeUser(prisma)));
    const jobs = users.map(() => gated());
    // One after the other: slots go in the order jobs start.
    const started: StartedJob[] = [];
    for (const [i, u] of users.entries()) started.push(await startJob(spec(u.id), jobs[i].work));
    await Promise.all(jobs.slice(0, MAX_RUNNING).map((j) => j.started));
    const status = async () => (await prisma.backgroundJob.findMany({ where: { id: { in: started.map((s) => s.jobId) } } })).map((r) => [r.userId, r.status]);
    expect(await status()).toEqual(expect.arrayContaining([[users[0].id, "running"], [users[1].id, "running"], [users[2].id, "queued"]]));
    jobs[0].release();
    await started[0].finished;
    await jobs[2].started;
    jobs[1].release();
    jobs[2].release();
    await Promise.all(started.map((s) => s.finished));
    expect((await status()).map(([, s]) => s)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });

  it(`refuse a user's job beyond ${MAX_ACTIVE_PER_USER} under way (RATE_LIMITED), and create nothing for it`, async () => {
    const user = await makeUser(prisma);
    const jobs = Array.from({ length: MAX_ACTIVE_PER_USER }, () => gated());
    const started: StartedJob[] = [];
    for (const job of jobs) started.push(await startJob(spec(user.id), job.work));
    await expect(startJob(spec(user.id, "One too many"), gated().work)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await prisma.backgroundJob.count({ where: { userId: user.id } })).toBe(MAX_ACTIVE_PER_USER);
    for (const job of jobs) job.release();
    await Promise.all(started.map((s) => s.finished));
    const again = gated();
    const next = await startJob(spec(user.id, "Now there is room"), again.work);
    again.release();
    await next.finished;
  });
});
