"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { isActive, type JobView } from "@/lib/jobs/types";
import { ProgressBar } from "./job-progress";
import { dismissJob, fetchJobs, JOBS_CHANGED } from "./jobs-client";

const POLL_MS = 2000;

/**
 * The header's view of the user's background jobs, on every page: imports still running
 * (with their progress) and outcomes not yet dismissed: a success with a link to what it
 * made, a failure with its message. It asks the server once when the page opens and when a
 * job starts, and polls only while something is running. A failure opens the panel, so
 * it is seen wherever the user is.
 */
export function JobsIndicator() {
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seenRunning = useRef(new Set<string>());

  const refresh = useCallback(async () => {
    clearTimeout(timer.current);
    let next: JobView[];
    try {
      next = await fetchJobs();
    } catch {
      return; // signed out or offline: the page says so elsewhere
    }
    // A job that was running while we watched and has now failed: open the panel.
    if (next.some((j) => j.status === "failed" && seenRunning.current.has(j.id))) setOpen(true);
    for (const j of next) if (isActive(j.status)) seenRunning.current.add(j.id);
    setJobs(next);
    if (next.some((j) => isActive(j.status))) timer.current = setTimeout(() => void refresh(), POLL_MS);
  }, []);

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(JOBS_CHANGED, onChange);
    return () => {
      window.removeEventListener(JOBS_CHANGED, onChange);
      clearTimeout(timer.current);
    };
  }, [refresh]);

  if (jobs.length === 0) return null;
  const running = jobs.filter((j) => isActive(j.status));
  const failed = jobs.filter((j) => j.status === "failed");
  const done = jobs.filter((j) => j.status === "succeeded");
  const summary =
    running.length > 0
      ? `${running.length} import${running.length === 1 ? "" : "s"} running`
      : failed.length > 0
        ? `${failed.length} import${failed.length === 1 ? "" : "s"} failed`
        : `${done.length} import${done.length === 1 ? "" : "s"} done`;
  const tone = failed.length > 0 ? "border-red-300 bg-red-50 text-red-800" : running.length > 0 ? "border-teal-300 bg-teal-50 text-teal-900" : "border-stone-300 bg-stone-50 text-stone-800";

  return (
    <div className="relative" data-testid="jobs-indicator">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="jobs-panel" className={`rounded-full border px-3 py-1 text-xs font-medium ${tone}`}>
        {running.length > 0 && <span className="mr-1.5 inline-block size-2 animate-pulse rounded-full bg-teal-600" aria-hidden />}
        {summary}
      </button>
      {open && (
        <div id="jobs-panel" role="region" aria-label="Background jobs" className="absolute right-0 z-20 mt-2 w-96 max-w-[90vw] space-y-3 rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-lg">
          {jobs.map((job) => (
            <JobItem key={job.id} job={job} onDismiss={async () => {
              setJobs((list) => list.filter((j) => j.id !== job.id));
              await dismissJob(job.id);
            }} />
          ))}
        </div>
      )}
    </div>
  );
}

function JobItem({ job, onDismiss }: { job: JobView; onDismiss: () => void }) {
  const dismiss = (
    <button type="button" onClick={onDismiss} className="shrink-0 text-xs text-stone-500 hover:text-stone-800" aria-label={`Dismiss: ${job.label}`}>
      Dismiss
    </button>
  );
  if (isActive(job.status)) {
    return (
      <div className="space-y-1">
        <p className="font-medium text-stone-800">{job.label}</p>
        <ProgressBar job={job} compact />
      </div>
    );
  }
  if (job.status === "failed") {
    return (
      <div role="alert" className="flex items-start gap-2 rounded border border-red-200 bg-red-50 p-2 text-red-800">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{job.label} failed</p>
          <p className="mt-0.5 break-words">{job.error}</p>
        </div>
        {dismiss}
      </div>
    );
  }
  return (
    <div className="flex items-start gap-2 rounded border border-teal-200 bg-teal-50 p-2 text-teal-900">
      <div className="min-w-0 flex-1">
        <p>{job.outcome?.message ?? `${job.label}: done.`}</p>
        {job.outcome?.href && (
          <Link href={job.outcome.href} className="font-medium underline" onClick={onDismiss}>
            Open
          </Link>
        )}
      </div>
      {dismiss}
    </div>
  );
}
