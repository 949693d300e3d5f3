import pg from "pg";
import { db } from "../db/client";
import { INTERRUPTED_MESSAGE } from "./mutations";

/**
 * Which queued or running jobs are still alive? Jobs run inside a server process, so a job
 * whose process is gone (stopped, crashed, redeployed) will never finish. Each process holds
 * a PostgreSQL advisory lock per job it runs, on a connection of its own, from before the
 * job's row is written until its outcome is; PostgreSQL drops a session's locks when its
 * connection goes, so a job whose lock is free has lost its process. With several app
 * instances on one database (README), a starting instance thus fails only the jobs of dead
 * processes, never those another instance is running.
 *
 * The connection is opened for the first job and closed after the last, so an idle server
 * (or a test) holds none.
 */
const LOCK_SPACE = 472_051_377;

type Holder = { client: pg.Client | null; held: number; chain: Promise<unknown> };
const holder: Holder = ((globalThis as { groundedJobLocks?: Holder }).groundedJobLocks ??= { client: null, held: 0, chain: Promise.resolve() });

// One change to the connection at a time: a release that closes it must not race a new lock.
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = holder.chain.then(work);
  holder.chain = next.catch(() => {});
  return next;
}

/** Takes the job's lock; the returned function gives it back. */
export function holdJobLock(jobId: string): Promise<() => Promise<void>> {
  return serial(async () => {
    if (!holder.client) {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set.");
      const client = new pg.Client({ connectionString: url });
      // A dropped connection loses the locks; the next job opens a new one.
      client.on("error", () => {
        if (holder.client === client) holder.client = null;
      });
      await client.connect();
      holder.client = client;
    }
    await holder.client.query("SELECT pg_advisory_lock($1::int4, hashtext($2))", [LOCK_SPACE, jobId]);
    holder.held++;
    const client = holder.client;
    let released = false;
    return () =>
      serial(async () => {
        if (released) return;
        released = true;
        holder.held--;
        await client.query("SELECT pg_advisory_unlock($1::int4, hashtext($2))", [LOCK_SPACE, jobId]).catch(() => {});
        if (holder.held === 0 && holder.client === client) {
          holder.client = null;
          await client.end().catch(() => {});
        }
      });
  });
}

/**
 * At server start: jobs still queued or running whose process is gone are marked failed.
 * Their work was one transaction that never committed, so nothing of it was stored; the
 * message says so. Returns how many were marked.
 */
export async function failInterruptedJobs(): Promise<number> {
  return db().$transaction(async (tx) => {
    // A free lock is taken (until this transaction ends): that job's process is gone.
    const orphans = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "BackgroundJob"
      WHERE "status" IN ('queued', 'running') AND pg_try_advisory_xact_lock(${LOCK_SPACE}::int4, hashtext("id"))`;
    if (orphans.length === 0) return 0;
    const { count } = await tx.backgroundJob.updateMany({
      where: { id: { in: orphans.map((o) => o.id) }, status: { in: ["queued", "running"] } },
      data: { status: "failed", error: INTERRUPTED_MESSAGE, finishedAt: new Date() },
    });
    return count;
  });
}
