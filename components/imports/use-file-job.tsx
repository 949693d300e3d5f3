"use client";

import { useEffect, useState } from "react";
import { JobProgress } from "@/components/jobs/job-progress";
import { announceJobsChanged, dismissJob } from "@/components/jobs/jobs-client";
import { useJob } from "@/components/jobs/use-job";
import { isActive, type JobView } from "@/lib/jobs/types";
import { postWithProgress } from "./upload";

/**
 * One file uploaded to a route that answers 202 with a background job, followed until it
 * ends: the summary it produced (the job's outcome details) or its error. The outcome is shown
 * where the upload started, then dismissed so the header does not repeat it.
 */
export function useFileJob<Summary>(url: string, failure: string) {
  const [upload, setUpload] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    if (jobError) {
      setError(jobError);
      setJobId(null);
      return;
    }
    if (!job || isActive(job.status)) return;
    if (job.status === "succeeded") setSummary((job.outcome?.details as Summary | undefined) ?? null);
    else setError(job.error ?? failure);
    setJobId(null);
    void dismissJob(job.id);
  }, [job, jobError, failure]);

  async function send(form: FormData) {
    setError("");
    setSummary(null);
    setUpload(0);
    try {
      const { status, body } = await postWithProgress<{ jobId?: string; error?: { message: string } }>(url, form, setUpload);
      if (status !== 202 || !body.jobId) throw new Error(body?.error?.message ?? `The server answered ${status}.`);
      setJobId(body.jobId);
      announceJobsChanged();
    } catch (e) {
      setError((e as Error).message);
    }
    setUpload(null);
  }

  return { send, upload, job, summary, error, busy: upload !== null || jobId !== null };
}

/** The upload's progress, then the job's, then its error if it failed. */
export function FileJobStatus({ upload, job, error, starting }: { upload: number | null; job: JobView | null; error: string; starting: string }) {
  return (
    <>
      {upload !== null && (
        <div role="status" aria-live="polite">
          <p>{upload < 1 ? "Uploading…" : starting}</p>
          <progress max={1} value={upload} className="h-2 w-full" aria-label="Upload progress" />
        </div>
      )}
      {job && isActive(job.status) && <JobProgress job={job} />}
      {error && <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">{error}</p>}
    </>
  );
}
