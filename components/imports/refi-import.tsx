"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { JobProgress } from "@/components/jobs/job-progress";
import { announceJobsChanged, dismissJob } from "@/components/jobs/jobs-client";
import { useJob } from "@/components/jobs/use-job";
import type { ImportSummary } from "@/lib/interop/refi";
import { isActive } from "@/lib/jobs/types";
import { postWithProgress } from "./upload";

/**
 * Brings in a REFI-QDA file from NVivo, ATLAS.ti, MAXQDA, QualCoder or Grounded: a .qdpx
 * becomes a new project; a .qdc codebook merges into `intoProjectId` when given. The import
 * runs as a background job: its progress shows here, and the page may be left meanwhile.
 */
export function RefiImport({ intoProjectId, limits }: { intoProjectId?: string; limits: string }) {
  const [upload, setUpload] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState("");

  // The outcome is shown here, then dismissed so the header does not repeat it.
  useEffect(() => {
    if (jobError) {
      setError(jobError);
      setJobId(null);
      return;
    }
    if (!job || isActive(job.status)) return;
    if (job.status === "succeeded") setSummary((job.outcome?.details as ImportSummary | undefined) ?? null);
    else setError(job.error ?? "The import failed; nothing was imported.");
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
    if (intoProjectId && file.name.toLowerCase().endsWith(".qdc")) form.set("intoProjectId", intoProjectId);
    try {
      const { status, body } = await postWithProgress<{ jobId?: string; error?: { message: string } }>("/api/imports/refi", form, setUpload);
      if (status !== 202 || !body.jobId) throw new Error(body?.error?.message ?? `The server answered ${status}.`);
      setJobId(body.jobId);
      announceJobsChanged();
    } catch (e) {
      setError((e as Error).message);
    }
    setUpload(null);
  }

  const busy = upload !== null || jobId !== null;
  return (
    <div className="space-y-3 text-sm">
      <input type="file" accept=".qdpx,.qdc" aria-label="Choose a REFI-QDA file" disabled={busy} onChange={(e) => void send(e.target.files?.[0])} />
      <p className="text-xs text-stone-500">{limits}</p>
      {upload !== null && (
        <div role="status" aria-live="polite">
          <p>{upload < 1 ? "Uploading…" : "Starting the import…"}</p>
          <progress max={1} value={upload} className="h-2 w-full" aria-label="Upload progress" />
        </div>
      )}
      {job && isActive(job.status) && <JobProgress job={job} />}
      {error && <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">{error}</p>}
      {summary && (
        <div role="status" className="rounded-lg border border-teal-200 bg-teal-50 p-4" data-testid="refi-summary">
          <p className="font-medium">
            {summary.mode === "new-project" ? "Imported as a new project: " : "Codebook merged into "}
            <Link href={`/projects/${summary.projectId}`} className="underline">{summary.projectName}</Link>
            {summary.origin ? ` (made by ${summary.origin})` : ""}
          </p>
          <p className="mt-1">
            {summary.counts.sources} sources, {summary.counts.codes} codes, {summary.counts.codings} codings, {summary.counts.users} coders, {summary.counts.cases} cases, {summary.counts.variables} variables, {summary.counts.memos} memos.
            {summary.matchedCodes ? ` Matched existing codes: ${summary.matchedCodes.byGuid} by id, ${summary.matchedCodes.byName} by name.` : ""}
          </p>
          {summary.users.some((u) => u.kind === "placeholder") && (
            <p className="mt-1 text-stone-700">Coders other than you are placeholders who cannot sign in: {summary.users.filter((u) => u.kind === "placeholder").map((u) => u.name).join(", ")}.</p>
          )}
          {summary.warnings.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-amber-900">{summary.warnings.length} warning{summary.warnings.length === 1 ? "" : "s"}: what was skipped or could not be placed exactly</summary>
              <ul className="mt-1 list-disc pl-5 text-amber-900">
                {summary.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
