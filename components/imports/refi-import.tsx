"use client";

import { useState } from "react";
import type { ImportSummary } from "@/lib/interop/refi/summary";
import { RefiImportSummary } from "./refi-import-summary";
import { FileJobStatus, useFileJob } from "./use-file-job";

/**
 * Brings in a REFI-QDA file from NVivo, ATLAS.ti, MAXQDA, QualCoder or Grounded: a .qdpx
 * becomes a new project; a .qdc codebook merges into `intoProjectId` when given. The import
 * runs as a background job: its progress shows here, and the page may be left meanwhile.
 */
export function RefiImport({ intoProjectId, limits }: { intoProjectId?: string; limits: string }) {
  const { send, upload, job, summary, error, busy } = useFileJob<ImportSummary>("/api/imports/refi", "The import failed; nothing was imported.");
  const [chosen, setChosen] = useState<File | null>(null);
  // First ask: a file whose positions could be read two ways comes back unwritten, to compare and confirm.
  const start = (file: File, weakPositions: "ask" | "accept") => {
    const form = new FormData();
    form.set("file", file);
    form.set("weakPositions", weakPositions);
    if (intoProjectId && file.name.toLowerCase().endsWith(".qdc")) form.set("intoProjectId", intoProjectId);
    void send(form);
  };
  const choose = (file: File | undefined) => {
    if (!file) return;
    setChosen(file);
    start(file, "ask");
  };

  return (
    <div className="space-y-3 text-sm">
      <input type="file" accept=".qdpx,.qdc" aria-label="Choose a REFI-QDA file" disabled={busy} onChange={(e) => choose(e.target.files?.[0])} />
      <p className="text-xs text-stone-500">{limits}</p>
      <FileJobStatus upload={upload} job={job} error={error} starting="Starting the import…" />
      {summary && <RefiImportSummary summary={summary} onConfirm={chosen && !busy ? () => start(chosen, "accept") : undefined} />}
    </div>
  );
}
