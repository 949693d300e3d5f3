import pg from "pg";
import { describe, expect, it } from "vitest";
import { failInterruptedJobs } from "../../../lib/jobs/liveness";
import { INTERRUPTED_MESSAGE } from "../../../lib/jobs/mutations";
import { startJob } from "../../../lib/jobs/runner";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma, url } = await useTestDatabase();

describe("jobs left over from a server that stopped", () => {
  it("are marked failed at the next start with a message saying nothing was imported; finished jobs are left as they are", async () => {
    const user = await makeUser(prisma);
    const base = { userId: user.id, kind: "transcripts.import", label: "Importing", total: 5 };
    const finishedAt = new Date("2025-01-01T00:00:00Z");
    // Rows as a process that died left them: no one holds their locks.
    const [queued, running, succeeded, failed] = await Promise.all([
      prisma.backgroundJob.create({ data: { ...base, status: "queued" } }),
      prisma.backgroundJob.create({ data: { ...base, status: "running", done: 3, step: "Saving 4 transcripts", startedAt: new Date() } }),
      prisma.backgroundJob.create({ data: { ...base, status: "succeeded", done: 5, result: { message: "ok", href: null }, finishedAt } }),
      prisma.backgroundJob.create({ data: { ...base, status: "failed", error: "scan.pdf has no text layer.", finishedAt } }),
    ]);

    expect(await failInterruptedJobs()).toBe(2);

    for (const job of [queued, running]) {
      const row = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(row).toMatchObject({ status: "failed", error: INTERRUPTED_MESSAGE, seenAt: null });
      expect(row.finishedAt).not.toBeNull();
    }
    expect(INTERRUPTED_MESSAGE).toBe("interrupted: the server stopped during this job; nothing was imported");
    expect(await prisma.backgroundJob.findUniqueOrThrow({ where: { id: succeeded.id } })).toEqual(succeeded);
    expect(await prisma.backgroundJob.findUniqueOrThrow({ where: { id: failed.id } })).toEqual(failed);
    expect(await failInterruptedJobs()).toBe(0);
  });

  it("leave alone the jobs a live process is running: this one, or another instance on the same database", async () => {
    const user = await makeUser(prisma);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mine = await startJob({ userId: user.id, projectId: null, kind: "refi.import", label: "Mine", total: 1, step: "" }, async () => {
      await gate;
      return { message: "done", href: null };
    });
    // Another instance's job: its process holds the job's lock on its own connection.
    const theirs = await prisma.backgroundJob.create({ data: { userId: user.id, kind: "refi.import", label: "Theirs", status: "running" } });
    const otherInstance = new pg.Client({ connectionString: url });
    await otherInstance.connect();
    await otherInstance.query("SELECT pg_advisory_lock(472051377, hashtext($1))", [theirs.id]);

    expect(await failInterruptedJobs()).toBe(0);
    expect((await prisma.backgroundJob.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("running");
    expect(["queued", "running"]).toContain((await prisma.backgroundJob.findUniqueOrThrow({ where: { id: mine.jobId } })).status);

    // The other instance dies: its job is an orphan now.
    await otherInstance.end();
    expect(await failInterruptedJobs()).toBe(1);
    expect(await prisma.backgroundJob.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "failed", error: INTERRUPTED_MESSAGE });

    release();
    await mine.finished;
    expect((await prisma.backgroundJob.findUniqueOrThrow({ where: { id: mine.jobId } })).status).toBe("succeeded");
  });
});
