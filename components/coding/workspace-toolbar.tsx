"use client";

import type { CoderFilter } from "./types";
import type { useUndoStack } from "./undo-stack";

/** Whose codings the transcript shows, and undo/redo (or a viewer's read-only note). */
export function WorkspaceToolbar({ loaded, filter, setFilter, coders, meId, history, canCode, onFind }: {
  loaded: boolean;
  filter: CoderFilter;
  setFilter: (f: CoderFilter) => void;
  coders: { id: string; name: string }[];
  meId: string;
  history: ReturnType<typeof useUndoStack>;
  canCode: boolean;
  /** Opens the find bar (Ctrl+F); absent until the whole transcript is loaded. */
  onFind?: () => void;
}) {
  const value = filter.kind === "coder" ? `coder:${filter.coderId}` : filter.kind;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-stone-600">Show codings of</span>
        <select value={value} onChange={(e) => {
          const v = e.target.value;
          setFilter(v === "all" ? { kind: "all" } : v === "mine" ? { kind: "mine" } : { kind: "coder", coderId: v.slice(6) });
        }} disabled={!loaded} className="rounded border border-stone-300 px-2 py-1" aria-label="Show codings of">
          <option value="all">all analysts</option>
          {canCode && <option value="mine">me only</option>}
          {coders.filter((c) => c.id !== meId).map((c) => (
            <option key={c.id} value={`coder:${c.id}`}>{c.name}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onFind} disabled={!onFind} title="Find in this transcript (Ctrl+F)" className="rounded border border-stone-300 px-2 py-1 disabled:opacity-40">Find</button>
      {canCode ? (
        <div className="ml-auto flex gap-2">
          <button type="button" onClick={() => void history.undo()} disabled={!history.canUndo} title={history.nextUndoLabel ? `Undo ${history.nextUndoLabel} (Ctrl+Z)` : "Nothing to undo"}
            className="rounded border border-stone-300 px-2 py-1 disabled:opacity-40">Undo</button>
          <button type="button" onClick={() => void history.redo()} disabled={!history.canRedo} title={history.nextRedoLabel ? `Redo ${history.nextRedoLabel} (Ctrl+Shift+Z)` : "Nothing to redo"}
            className="rounded border border-stone-300 px-2 py-1 disabled:opacity-40">Redo</button>
        </div>
      ) : (
        <span className="ml-auto rounded bg-stone-100 px-2 py-1 text-xs text-stone-600">Read only: viewers can read and filter, not tag.</span>
      )}
    </div>
  );
}
