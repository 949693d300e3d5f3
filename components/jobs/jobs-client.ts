"use client";

import type { JobView } from "@/lib/jobs/types";

/** Told when a job starts or a notice is dismissed, so the header's jobs indicator looks again at once. */
export const JOBS_CHANGED = "grounded:jobs-changed";

export function announceJobsChanged(): void {
  window.dispatchEvent(new Event(JOBS_CHANGED));
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

export async function fetchJob(jobId: string): Promise<JobView> {
  return (await readJson<{ job: JobView }>(await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { cache: "no-store" }))).job;
}

export async function fetchJobs(): Promise<JobView[]> {
  return (await readJson<{ jobs: JobView[] }>(await fetch("/api/jobs", { cache: "no-store" }))).jobs;
}

/** The user has seen the outcome: the header stops showing it. */
export async function dismissJob(jobId: string): Promise<void> {
  await fetch(`/api/jobs/${encodeURIComponent(jobId)}/dismiss`, { method: "POST" });
  announceJobsChanged();
}
