"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteFindingAction, reorderFindingsAction, updateFindingAction } from "@/lib/findings/actions";

/** Edit, move and delete one finding; a stale edit is refused and the fresh report shown. */
export function FindingControls({ projectId, finding, order }: {
  projectId: string;
  finding: { id: string; version: number; statement: string; statedText: string; statedValue: number | null };
  order: string[];
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [statement, setStatement] = useState(finding.statement);
  const [statedText, setStatedText] = useState(finding.statedText);
  const [stated, setStated] = useState(finding.statedValue === null ? "" : String(Math.round(finding.statedValue * 1000) / 10));
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const done = (result: { ok: boolean; error?: { message: string } }) => {
    if (!result.ok) setError(result.error?.message ?? "That did not work.");
    else {
      setError("");
      setEditing(false);
    }
    router.refresh();
  };
  const move = (by: -1 | 1) => {
    const i = order.indexOf(finding.id);
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    start(async () => done(await reorderFindingsAction({ projectId, findingIds: next })));
  };
  const index = order.indexOf(finding.id);
  return (
    <div className="mt-4 border-t border-stone-100 pt-3 text-sm print:hidden">
      {editing ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const value = stated.trim() === "" ? null : Number(stated) / 100;
            start(async () => done(await updateFindingAction({ projectId, findingId: finding.id, version: finding.version, statement, statedText, statedValue: value })));
          }}
        >
          <label className="block">
            <span className="text-xs text-stone-600">Statement</span>
            <textarea value={statement} onChange={(e) => setStatement(e.target.value)} rows={2} className="mt-0.5 block w-full rounded border border-stone-300 px-2 py-1" />
          </label>
          <div className="flex flex-wrap gap-3">
            <label>
              <span className="text-xs text-stone-600">Published figure (%)</span>
              <input value={stated} onChange={(e) => setStated(e.target.value)} inputMode="decimal" className="ml-1 w-20 rounded border border-stone-300 px-2 py-1" />
            </label>
            <label className="flex-1">
              <span className="text-xs text-stone-600">As the report words it</span>
              <input value={statedText} onChange={(e) => setStatedText(e.target.value)} className="ml-1 w-full rounded border border-stone-300 px-2 py-1" />
            </label>
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white">Save</button>
            <button type="button" onClick={() => setEditing(false)} className="rounded border border-stone-300 px-3 py-1">Cancel</button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => setEditing(true)} className="rounded border border-stone-300 px-2 py-0.5">Edit</button>
          <button type="button" disabled={pending || index === 0} onClick={() => move(-1)} className="rounded border border-stone-300 px-2 py-0.5 disabled:opacity-40" aria-label="Move up">↑</button>
          <button type="button" disabled={pending || index === order.length - 1} onClick={() => move(1)} className="rounded border border-stone-300 px-2 py-0.5 disabled:opacity-40" aria-label="Move down">↓</button>
          <button
            type="button"
            disabled={pending}
            onClick={() => window.confirm("Delete this finding? Its pinned passages stay coded.") && start(async () => done(await deleteFindingAction({ projectId, findingId: finding.id, version: finding.version })))}
            className="ml-auto rounded border border-red-300 px-2 py-0.5 text-red-800"
          >
            Delete
          </button>
        </div>
      )}
      {error && <p role="alert" className="mt-2 text-red-800">{error}</p>}
    </div>
  );
}
