"use client";

import type { AutocodePreview } from "@/lib/autocode/plan";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * What a run would do, before it is done: how many new codings in how many interviews, how
 * many passages the analyst already coded with the code, and example passages. Used by the
 * auto-coding page and (with spans from a search) by the search page.
 */
export function AutocodePreviewPanel({ preview, onApply, onCancel, applying }: { preview: AutocodePreview; onApply: () => void; onCancel: () => void; applying: boolean }) {
  const nothing = preview.newCodings === 0;
  return (
    <section aria-label="Preview of the auto-coding" className="mt-4 rounded-lg border border-teal-200 bg-teal-50/40 p-4" data-testid="autocode-preview">
      <p role="status" className="font-medium text-stone-900">
        {nothing
          ? preview.passages === 0
            ? "Nothing matches: no passages to code."
            : `All ${plural(preview.passages, "passage")} are already coded with “${preview.code.name}” by you: nothing new to code.`
          : `${plural(preview.newCodings, "new coding")} with “${preview.code.name}” in ${plural(preview.interviews, "interview")}${preview.alreadyCoded > 0 ? `; ${plural(preview.alreadyCoded, "passage")} already coded by you (left as they are)` : ""}.`}
      </p>
      {preview.sample.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold text-stone-800">
            {preview.newCodings > preview.sample.length ? `The first ${preview.sample.length} of ${preview.newCodings.toLocaleString("en")} passages` : "The passages"}
          </h3>
          <ol className="mt-1 max-h-96 space-y-2 overflow-y-auto pr-1 text-sm">
            {preview.sample.map((s) => (
              <li key={`${s.documentId}:${s.start}`} className="rounded border border-stone-200 bg-white p-2">
                <p className="text-xs text-stone-600">
                  {s.documentTitle}
                  {s.speaker ? ` · ${s.speaker}` : ""}
                </p>
                <p className="whitespace-pre-line text-stone-900">{s.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="mt-3 flex gap-3">
        {!nothing && (
          <button type="button" onClick={onApply} disabled={applying} className="rounded bg-teal-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800 disabled:opacity-60">
            {applying ? "Coding…" : `Apply: code ${plural(preview.newCodings, "passage")}`}
          </button>
        )}
        <button type="button" onClick={onCancel} disabled={applying} className="rounded border border-stone-400 px-3 py-1.5 text-sm text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800">
          {nothing ? "Close" : "Cancel"}
        </button>
      </div>
    </section>
  );
}
