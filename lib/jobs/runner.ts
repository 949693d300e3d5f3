import { db } from "../db/client";
import { newRowId } from "../db/row-id";
import { AppError, toActionError } from "../errors";
import { holdJobLock } from "./liveness";
import { createJob, markFailed, markRunning, markSucceeded, writeProgress, type NewJob } from "./mutations";
import type { JobOutcome } from "./types";

/**
 * Runs long work (an import of many files, a large .qdpx, a restore) in the background of
 * the server process: startJob records the job and returns its id at once, so the request
 * that uploaded the files can answer; the work goes on in this process, not awaited by the
 * request, reporting its progress to the job's row as it goes, and ends with the outcome
 * or the failure recorded there. The work itself keeps its own guarantees: an import is one
 * transaction, so a failed job has stored nothing.
 *
 * Jobs wait their turn (at most MAX_RUNNING at once: imports hold whole files in memory)
 * and a user may have at most MAX_ACTIVE_PER_USER waiting or running.
 */
export const MAX_RUNNING = 2;
export const MAX_ACTIVE_PER_USER = 3;

export type JobReporter = {
  /** Says how far the work is (steps done, steps in all) and what it is doing now. */
  report(progress: { done?: number; total?: number; step?: string }): Promise<void>;
};

export type JobWork = (reporter: JobReporter) => Promise<JobOutcome>;

export type StartedJob = {
  jobId: string;
  /** Settles when the job has finished and its outcome is recorded; never rejects. Requests ignore it; tests and scripts await it. */
  finished: Promise<void>;
};

export async function startJob(job: NewJob, work: JobWork): Promise<StartedJob> {
  const active = await db().backgroundJob.count({ where: { userId: job.userId, status: { in: ["queued", "running"] } } });
  if (active >= MAX_ACTIVE_PER_USER) {
    throw new AppError("RATE_LIMITED", `You already have ${active} imports or restores under way. Wait for one to finish, then try again.`);
  }
  // Locked before its row exists, so a starting server never takes it for a dead process's (liveness.ts).
  const id = newRowId();
  const release = await holdJobLock(id);
  try {
    await createJob(id, job);
  } catch (error) {
    await release();
    throw error;
  }
  const finished = run(id, work)
    .finally(release)
    .catch((error) => console.error(`[grounded] job ${id}: its lock was not released:`, error));
  return { jobId: id, finished };
}

async function run(jobId: string, work: JobWork): Promise<void> {
  await acquireSlot();
  try {
    await markRunning(jobId);
    const outcome = await work(reporterFor(jobId));
    await markSucceeded(jobId, outcome);
  } catch (error) {
    try {
      await markFailed(jobId, failureMessage(error));
    } catch (cannotRecord) {
      console.error(`[grounded] job ${jobId} failed, and its failure could not be recorded:`, error, cannotRecord);
    }
  } finally {
    releaseSlot();
  }
}

function reporterFor(jobId: string): JobReporter {
  return {
    async report(progress) {
      // Progress is a courtesy: a lost write must not fail the import it describes.
      await writeProgress(jobId, progress).catch((error) => console.error(`[grounded] job ${jobId}: progress not saved:`, error));
    },
  };
}

/** The message the user reads: the error's own for errors we raise, a plain apology (and a log line) for anything else. */
export function failureMessage(error: unknown): string {
  const actionError = toActionError(error);
  if (actionError.code === "INTERNAL") {
    console.error("[grounded] background job failed:", error);
    return "Something went wrong on the server; nothing was imported. Try again, and tell your administrator if it happens again.";
  }
  const fields = Object.entries(actionError.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  return fields.length > 0 ? `${actionError.message} ${fields.join("; ")}` : actionError.message;
}

// Slots are kept on globalThis, like the Prisma client, so every route bundle that starts
// jobs shares one count in the process.
type Slots = { running: number; waiting: (() => void)[] };
const slots: Slots = ((globalThis as { groundedJobSlots?: Slots }).groundedJobSlots ??= { running: 0, waiting: [] });

function acquireSlot(): Promise<void> {
  if (slots.running < MAX_RUNNING) {
    slots.running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => slots.waiting.push(resolve));
}

// A finishing job hands its slot to the next in line, or gives it back.
function releaseSlot(): void {
  const next = slots.waiting.shift();
  if (next) next();
  else slots.running--;
}
