"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { JobProgress } from "@/components/jobs/job-progress";
import { announceJobsChanged, dismissJob } from "@/components/jobs/jobs-client";
import { useJob } from "@/components/jobs/use-job";
import type { RestoreSummary } from "@/lib/interop/backup";
import { isActive } from "@/lib/jobs/types";
import { postWithProgress } from "./upload";

/** Restores a project backup (.zip, from "Download backup") as a new project the user owns, in the background. */
export function BackupRestore({ limits }: { limits: string }) {
  const [upload, setUpload] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const [summary, setSummary] = useState<RestoreSummary | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    if (jobError) {
      setError(jobError);
      setJobId(null);
      return;
    }
    if (!job || isActive(job.status)) return;
    if (job.status === "succeeded") setSummary((job.outcome?.details as RestoreSummary | undefined) ?? null);
    else setError(job.error ?? "The restore failed; nothing was restored.");
    setJobId(null);
    void dismissJob(job.id);
  }, [job, jobError]);

  async function send(file: File | undefined) {
    if (!file) return;
    setError("");
    setSummary(null);
    setUpload(0);
    const form = new FormData();
    form.set("file", file);
    try {
      const { status, body } = await postWithProgress<{ jobId?: string; error?: { message: string } }>("/api/imports/backup", form, setUpload);
      if (status !== 202 || !body.jobId) throw new Error(body?.error?.message ?? `The server answered ${status}.`);
      setJobId(body.jobId);
      announceJobsChanged();
    } catch (e) {
      setError((e as Error).message);
    }
    setUpload(null);
  }

  const placeholders = summary?.users.filter((u) => u.kind === "placeholder") ?? [];
  return (
    <div className="space-y-3 text-sm">
      <input type="file" accept=".zip" aria-label="Choose a backup file" disabled={upload !== null || jobId !== null} onChange={(e) => void send(e.target.files?.[0])} />
      <p className="text-xs text-stone-500">{limits}</p>
      {upload !== null && (
        <div role="status" aria-live="polite">
          <p>{upload < 1 ? "Uploading…" : "Starting the restore…"}</p>
          <progress max={1} value={upload} className="h-2 w-full" aria-label="Upload progress" />
        </div>
      )}
      {job && isActive(job.status) && <JobProgress job={job} />}
      {error && <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">{error}</p>}
      {summary && (
        <div role="status" className="rounded-lg border border-teal-200 bg-teal-50 p-4" data-testid="restore-summary">
          <p className="font-medium">
            Restored as a new project: <Link href={`/projects/${summary.projectId}`} className="underline">{summary.projectName}</Link>
            <span className="font-normal text-stone-700"> (backup of {new Date(summary.backupCreatedAt).toLocaleString()})</span>
          </p>
          <p className="mt-1">
            {summary.counts.documents} documents, {summary.counts.codes} codes, {summary.counts.codings} codings, {summary.counts.memos} memos, {summary.counts.findings} findings, {summary.counts.members} members.
          </p>
          {placeholders.length > 0 && <p className="mt-1 text-stone-700">Placeholders who cannot sign in: {placeholders.map((u) => u.name).join(", ")}.</p>}
          {summary.warnings.map((w) => (
            <p key={w} className="mt-1 text-amber-900">{w}</p>
          ))}
        </div>
      )}
    </div>
  );
}
