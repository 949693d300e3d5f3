"use client";

import { useState, type FormEvent } from "react";
import { AutocodePreviewPanel } from "@/components/autocode/autocode-preview";
import { CodeField } from "@/components/autocode/code-field";
import { RunOutcome } from "@/components/autocode/run-outcome";
import { useAutocodeRun } from "@/components/autocode/use-autocode-run";
import type { ChosenCode } from "@/components/codes/code-chooser";
import { EXTENTS } from "@/lib/autocode/limits";
import Link from "next/link";
import { applySearchAutocodeAction, previewSearchAutocodeAction } from "@/lib/search/actions";
import { AUTOCODE_FORM } from "@/lib/search/limits";


/**
 * "Code these matches": a code, how much around each match to code, and all matches or the
 * ticked ones; previewed (new codings, already coded by you, examples) before anything is
 * written, then applied as one run that Undo removes. The server finds the matches again from
 * the search itself.
 */
export function SearchAutocode({ projectId, params, total }: { projectId: string; params: string; total: number }) {
  const run = useAutocodeRun(projectId, previewSearchAutocodeAction, applySearchAutocodeAction);
  const [code, setCode] = useState<ChosenCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!code) return setProblem("Choose the code to apply (or make a new one).");
    const ticked = form.getAll("hit").map(String);
    const which = form.get("which");
    if (which === "ticked" && ticked.length === 0) return setProblem("Tick the matches to code in the list below, or choose all matches.");
    setProblem(null);
    run.askPreview({ params, codeId: code.id, extent: form.get("extent"), hits: which === "ticked" ? ticked : "all" });
  }

  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="search-autocode">
      <summary className="cursor-pointer font-medium text-teal-800 underline">Code these matches…</summary>
      <form id={AUTOCODE_FORM} onSubmit={onSubmit} aria-label="Code the matches" className="mt-3 space-y-3">
        <CodeField projectId={projectId} value={code} onChange={setCode} />
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col">
            <span className="text-xs text-stone-600">Code for each match</span>
            <select name="extent" defaultValue="sentence" className="mt-1 rounded border border-stone-400 bg-white px-2 py-1">
              {EXTENTS.map((e) => <option key={e.value} value={e.value}>{e.label}</option>)}
            </select>
          </label>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs text-stone-600">Which matches</legend>
            <label className="flex items-center gap-2"><input type="radio" name="which" value="all" defaultChecked /> All {total.toLocaleString("en")} matches</label>
            <label className="flex items-center gap-2"><input type="radio" name="which" value="ticked" /> Only the ones I tick below</label>
          </fieldset>
          <button type="submit" disabled={run.pending} className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800 disabled:opacity-60">
            {run.pending && !run.preview ? "Counting…" : "Preview"}
          </button>
        </div>
        <p className="text-xs text-stone-600">
          You code as yourself. Nothing is written until you apply the preview; a run can be undone as a whole, here or later from the{" "}
          <Link href={`/projects/${projectId}/autocode`} className="text-teal-800 underline">auto-coding runs</Link>.
        </p>
      </form>
      {(problem || run.error) && <p role="alert" className="mt-2 text-red-800">{problem ?? run.error}</p>}
      {run.preview && <AutocodePreviewPanel preview={run.preview} onApply={run.apply} onCancel={run.cancel} applying={run.pending} />}
      <RunOutcome applied={run.applied} undone={run.undone} onUndo={run.undo} pending={run.pending} />
    </details>
  );
}
