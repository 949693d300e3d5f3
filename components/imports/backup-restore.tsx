"use client";

import Link from "next/link";
import type { RestoreSummary } from "@/lib/interop/backup";
import { FileJobStatus, useFileJob } from "./use-file-job";

/** Restores a project backup (.zip, from "Download backup") as a new project the user owns, in the background. */
export function BackupRestore({ limits }: { limits: string }) {
  const { send, upload, job, summary, error, busy } = useFileJob<RestoreSummary>("/api/imports/backup", "The restore failed; nothing was restored.");
  const choose = (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    void send(form);
  };

  const placeholders = summary?.users.filter((u) => u.kind === "placeholder") ?? [];
  return (
    <div className="space-y-3 text-sm">
      <input type="file" accept=".zip" aria-label="Choose a backup file" disabled={busy} onChange={(e) => choose(e.target.files?.[0])} />
      <p className="text-xs text-stone-500">{limits}</p>
      <FileJobStatus upload={upload} job={job} error={error} starting="Starting the restore…" />
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
