"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undoAutocodeBatchAction } from "@/lib/autocode/actions";
import type { BatchSummary } from "@/lib/autocode/data";
import { UndoOutcome, type UndoData } from "./undo-outcome";

const EXTENT_WORDS: Record<string, string> = { hit: "matches", sentence: "sentences", paragraph: "paragraphs", turn: "turns" };

/**
 * Recent auto-coding runs with an Undo for each the reader may undo (their own, or any for an
 * owner). Reusable: the search page lists its runs the same way.
 */
export function BatchList({ projectId, runs, readOnly = false }: { projectId: string; runs: BatchSummary[]; readOnly?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: true; data: UndoData } | { ok: false; message: string } | null>(null);

  function undo(run: BatchSummary) {
    if (!window.confirm(`Undo this run? Its ${run.present.toLocaleString("en")} codings with “${run.code?.name ?? "the code"}” will be deleted, except any someone has edited, commented or pinned since.`)) return;
    setBusy(run.id);
    startTransition(async () => {
      const result = await undoAutocodeBatchAction({ projectId, batchId: run.id });
      setOutcome(result.ok ? { ok: true, data: result.data } : { ok: false, message: result.error.message });
      setBusy(null);
      router.refresh();
    });
  }

  if (runs.length === 0) return <p className="text-sm text-stone-600">No auto-coding runs yet.</p>;
  return (
    <div>
      {outcome && (outcome.ok ? <UndoOutcome result={outcome.data} /> : <p role="alert" className="mb-2 text-sm text-red-800">{outcome.message}</p>)}
      <ul className="divide-y divide-stone-200 text-sm" data-testid="autocode-runs">
        {runs.map((run) => (
          <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0">
              <span className="font-medium text-stone-900">{run.code ? `“${run.code.name}”${run.code.deleted ? " (deleted code)" : ""}` : "A code"}</span>{" "}
              <span className="text-stone-700">on {run.summary} ({EXTENT_WORDS[run.extent] ?? run.extent})</span>
              <span className="block text-xs text-stone-600">
                {run.actorName}, <time dateTime={new Date(run.createdAt).toISOString()}>{new Date(run.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
                {run.undoneAt
                  ? `undone${run.present > 0 ? `, ${run.present.toLocaleString("en")} kept` : ""}`
                  : `${run.present.toLocaleString("en")} of ${run.newCodings.toLocaleString("en")} codings still present`}
              </span>
            </span>
            {run.mayUndo && !readOnly && (
              <button type="button" onClick={() => undo(run)} disabled={pending} aria-label={`Undo the run of “${run.code?.name ?? "a code"}” on ${run.summary}`}
                className="rounded border border-stone-400 px-2 py-1 text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800 disabled:opacity-60">
                {busy === run.id ? "Undoing…" : "Undo"}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
