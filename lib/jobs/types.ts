/**
 * A background job as the browser sees it (GET /api/jobs, GET /api/jobs/[jobId]): plain
 * JSON, no server code, so client components can import these types.
 */
export type JobState = "queued" | "running" | "succeeded" | "failed";

/** What a job that succeeded made: a sentence for the notice, a link to it, and the details its page shows. */
export type JobOutcome = { message: string; href: string | null; details?: unknown };

export type JobView = {
  id: string;
  kind: string;
  label: string;
  status: JobState;
  /** Steps done of steps in all (0 of 0 before the work has counted its steps). */
  done: number;
  total: number;
  /** What is being done now. */
  step: string;
  projectId: string | null;
  outcome: JobOutcome | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** The user dismissed the notice of its outcome. */
  seen: boolean;
};

export const isActive = (status: JobState) => status === "queued" || status === "running";

/** Progress as a whole percentage, for the bar and its aria-valuenow. */
export function percentDone(job: Pick<JobView, "status" | "done" | "total">): number {
  if (job.status === "succeeded") return 100;
  if (job.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((job.done / job.total) * 100)));
}
