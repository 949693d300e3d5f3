"use client";

import type { AutocodeResult } from "@/lib/autocode/mutations";
import { UndoOutcome, type UndoData } from "./undo-outcome";

/** After Apply: what was coded, with Undo at hand; after Undo: what was removed and kept. */
export function RunOutcome({ applied, undone, onUndo, pending }: { applied: AutocodeResult | null; undone: UndoData | null; onUndo: () => void; pending: boolean }) {
  if (undone) return <UndoOutcome result={undone} />;
  if (!applied) return null;
  if (!applied.batchId) return <p role="status" className="mt-3 text-sm text-stone-800">Nothing new to code: every passage was already coded with “{applied.code.name}” by you.</p>;
  return (
    <div role="status" className="mt-3 flex flex-wrap items-center gap-3 rounded border border-teal-200 bg-teal-50/40 p-3 text-sm text-stone-900" data-testid="autocode-result">
      <span>
        Coded {applied.created.toLocaleString("en")} passages with “{applied.code.name}” in {applied.interviews.toLocaleString("en")} interviews
        {applied.alreadyCoded > 0 ? ` (${applied.alreadyCoded.toLocaleString("en")} were already coded)` : ""}.
      </span>
      <button type="button" onClick={onUndo} disabled={pending} className="rounded border border-stone-400 bg-white px-2 py-1 text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800 disabled:opacity-60">
        {pending ? "Undoing…" : "Undo this run"}
      </button>
    </div>
  );
}
