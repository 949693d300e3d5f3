"use client";

import { useEffect, useState } from "react";
import type { CorrectionState, ReviewItem } from "@/lib/transcripts/correction/data";
import { replaceCodingAction, resolveCorrectionAction, setCorrectionRoleAction } from "@/lib/transcripts/correction/actions";
import { CorrectionForm } from "./correction-form";
import type { Turn } from "./types";

type Props = {
  projectId: string;
  documentId: string;
  state: CorrectionState;
  /** The whole text once loaded; correcting waits for it. */
  text: string | null;
  turns: Turn[];
  /** The passage selected in the transcript, if any: it picks the turn to correct and is where a detached coding is re-placed. */
  selection: { start: number; end: number } | null;
};

/** "Correct text" and the "To review" list of the codings a correction changed or detached. */
export function CorrectionPanel({ projectId, documentId, state, text, turns, selection }: Props) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState(state.review);
  const [message, setMessage] = useState<string | null>(null);
  // The last passage selected: clicking a button here may clear the transcript's selection first.
  const [placed, setPlaced] = useState(selection);
  useEffect(() => {
    if (selection) setPlaced(selection);
  }, [selection]);
  const turnAt = placed ? Math.max(0, turns.findIndex((t) => placed.start >= t.start && placed.start < t.end)) : 0;

  const act = async (item: ReviewItem, kind: "accept" | "delete" | "replace") => {
    if (kind === "delete" && !window.confirm(`Delete this ${item.codeName} coding? It is kept in the project history.`)) return;
    setMessage(null);
    const result = kind === "replace"
      ? await replaceCodingAction({ projectId, correctionId: item.id, start: placed!.start, end: placed!.end })
      : await resolveCorrectionAction({ projectId, correctionId: item.id, action: kind });
    if (!result.ok) return setMessage(result.error.message);
    setItems((list) => list.filter((i) => i.id !== item.id));
    // Re-placing or deleting changed the codings on the transcript: show them as they are now.
    if (kind !== "accept") window.location.reload();
    else setMessage("Accepted.");
  };

  if (!state.mayCorrect && items.length === 0) return null;
  return (
    <section aria-labelledby="correction-heading" data-testid="correction-panel" className="mt-4">
      <h2 id="correction-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600">Transcript text</h2>
      {state.mayCorrect && !open && (
        <button type="button" disabled={text === null} onClick={() => setOpen(true)} data-testid="correct-text"
          className="mt-2 rounded border border-stone-500 bg-white px-3 py-1 text-sm text-stone-900 hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 disabled:opacity-60">
          Correct text
        </button>
      )}
      {open && text !== null && turns.length > 0 && (
        <CorrectionForm key={turnAt} projectId={projectId} documentId={documentId} version={state.version} text={text} turns={turns} initialTurn={turnAt} onClose={() => setOpen(false)} />
      )}
      {open && turns.length === 0 && <p className="mt-2 text-sm text-stone-700">This transcript has no speaker turns to correct.</p>}
      {state.versions.length > 0 && (
        <details className="mt-2 text-xs text-stone-700" data-testid="document-versions">
          <summary className="cursor-pointer text-teal-800 underline">Version {state.version}: corrected {state.versions.length === 1 ? "once" : `${state.versions.length} times`}</summary>
          <ul className="mt-1 space-y-1">
            {state.versions.map((v) => (
              <li key={v.version}>
                Version {v.version + 1} by {v.authorName ?? "a former member"}, {v.createdAt.slice(0, 16).replace("T", " ")} UTC{v.reason && `: ${v.reason}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {state.correctionRole && <CorrectionRole projectId={projectId} current={state.correctionRole} />}
      <h3 className="mt-4 text-sm font-semibold text-stone-800">To review {items.length > 0 && `(${items.length})`}</h3>
      {message && <p role="status" className="mt-1 text-sm text-stone-800">{message}</p>}
      {items.length === 0 ? (
        <p className="mt-1 text-xs text-stone-600">Nothing to review: corrections kept every coding you can see.</p>
      ) : (
        <ul className="mt-2 space-y-3" data-testid="review-list">
          {items.map((item) => (
            <li key={item.id} className="rounded border border-stone-300 bg-white p-2 text-sm" data-testid="review-item">
              <p className="flex flex-wrap items-center gap-2">
                <span className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: item.codeColour }} aria-hidden="true" />
                <span className="font-medium text-stone-900">{item.codeName}</span>
                {(item.kind === "consensus" || item.coderName) && <span className="text-stone-700">· {item.kind === "consensus" ? "consensus" : item.coderName}</span>}
                <span className={`rounded px-1 text-xs ${item.status === "edited" ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-900"}`}>{item.status === "edited" ? "Text changed" : "Text deleted"}</span>
              </p>
              <p className="mt-1 text-stone-700">Was: <del className="text-stone-800">{item.oldQuote}</del></p>
              {item.newQuote !== null && <p className="text-stone-700">Now: <ins className="text-stone-900 no-underline">{item.newQuote}</ins></p>}
              {item.mayResolve && (
                <div className="mt-2 flex flex-wrap gap-2">
                  {item.status === "edited" && <button type="button" onClick={() => void act(item, "accept")} className="rounded border border-stone-500 px-2 py-0.5 text-stone-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">Accept</button>}
                  {item.status === "detached" && (item.own || item.kind === "consensus") && (
                    <button type="button" disabled={!placed} onClick={() => void act(item, "replace")} title={placed ? undefined : "Select the passage in the transcript first"}
                      className="rounded border border-stone-500 px-2 py-0.5 text-stone-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 disabled:opacity-60">Re-place on selection</button>
                  )}
                  <button type="button" onClick={() => void act(item, "delete")} className="rounded border border-red-700 px-2 py-0.5 text-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">Delete coding</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An owner's choice of who may correct this project's transcripts. */
function CorrectionRole({ projectId, current }: { projectId: string; current: "owner" | "analyst" }) {
  const [role, setRole] = useState(current);
  const [message, setMessage] = useState<string | null>(null);
  const change = async (next: "owner" | "analyst") => {
    const result = await setCorrectionRoleAction({ projectId, role: next });
    if (!result.ok) return setMessage(result.error.message);
    setRole(next);
    setMessage("Saved.");
  };
  return (
    <label className="mt-2 block text-xs text-stone-700">
      Who may correct transcripts
      <select value={role} onChange={(e) => void change(e.target.value as "owner" | "analyst")} className="mt-1 block rounded border border-stone-400 bg-white px-2 py-1 text-sm text-stone-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">
        <option value="analyst">Analysts and owners</option>
        <option value="owner">Owners only</option>
      </select>
      {message && <span role="status" className="ml-1">{message}</span>}
    </label>
  );
}
