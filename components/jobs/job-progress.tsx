"use client";

import { percentDone, type JobView } from "@/lib/jobs/types";

/** A progress bar with what the job is doing now, for a job still queued or running. */
export function ProgressBar({ job, compact = false }: { job: JobView; compact?: boolean }) {
  const percent = percentDone(job);
  const step = job.status === "queued" ? "Waiting for another import to finish…" : job.step || "Starting…";
  return (
    <div className="space-y-1">
      {!compact && <p className="text-sm text-stone-700">{step}</p>}
      <div
        role="progressbar"
        aria-label={job.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${step}`}
        className="h-2 w-full overflow-hidden rounded bg-stone-200"
      >
        <div className="h-2 rounded bg-teal-700 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      {compact && <p className="truncate text-xs text-stone-500">{step}</p>}
    </div>
  );
}

/** The progress of a job started on this page, with the reassurance that the page may be left. */
export function JobProgress({ job }: { job: JobView }) {
  return (
    <div className="space-y-1" data-testid="job-progress">
      <ProgressBar job={job} />
      <p className="text-xs text-stone-500">You can leave this page and keep working: the import goes on, and the bar at the top shows when it is done.</p>
    </div>
  );
}
