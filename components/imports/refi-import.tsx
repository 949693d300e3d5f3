"use client";

import Link from "next/link";
import type { ImportSummary } from "@/lib/interop/refi";
import { FileJobStatus, useFileJob } from "./use-file-job";

/**
 * Brings in a REFI-QDA file from NVivo, ATLAS.ti, MAXQDA, QualCoder or Grounded: a .qdpx
 * becomes a new project; a .qdc codebook merges into `intoProjectId` when given. The import
 * runs as a background job: its progress shows here, and the page may be left meanwhile.
 */
export function RefiImport({ intoProjectId, limits }: { intoProjectId?: string; limits: string }) {
  const { send, upload, job, summary, error, busy } = useFileJob<ImportSummary>("/api/imports/refi", "The import failed; nothing was imported.");
  const choose = (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    if (intoProjectId && file.name.toLowerCase().endsWith(".qdc")) form.set("intoProjectId", intoProjectId);
    void send(form);
  };

  return (
    <div className="space-y-3 text-sm">
      <input type="file" accept=".qdpx,.qdc" aria-label="Choose a REFI-QDA file" disabled={busy} onChange={(e) => choose(e.target.files?.[0])} />
      <p className="text-xs text-stone-500">{limits}</p>
      <FileJobStatus upload={upload} job={job} error={error} starting="Starting the import…" />
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
