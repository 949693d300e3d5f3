"use client";

import { useState } from "react";
import { deleteCodeAction, mergeCodesAction } from "@/lib/codes/actions";
import type { ShiftDirection } from "@/lib/codes/limits";
import { CodeChooser, type ChosenCode } from "./code-chooser";
import { CodeEditor } from "./code-editor";
import { CodeHistory } from "./code-history";
import { CodeSplit } from "./code-split";
import type { ManagedCode } from "./codebook-manager";

type Props = {
  projectId: string;
  code: ManagedCode | null;
  /** Codings of the code the owner sees: what a delete hides. */
  codeCount: number;
  canManage: boolean;
  version: number;
  onShift: (id: string, direction: ShiftDirection) => void;
  onChanged: (message: string, select?: string) => void;
  onDeleted: (code: { id: string; name: string }, message: string) => void;
};

const button = "rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50";
const MOVES: [ShiftDirection, string, string][] = [
  ["up", "Move up", "Alt+↑"],
  ["down", "Move down", "Alt+↓"],
  ["indent", "Indent (under the code above)", "Alt+→"],
  ["outdent", "Outdent (out a level)", "Alt+←"],
];

/** What an owner does with the selected code (edit, add under, move, merge, split, delete) and its history; read-only for others. */
export function CodeWorkbench({ projectId, code, codeCount, canManage, version, onShift, onChanged, onDeleted }: Props) {
  const [tool, setTool] = useState<"add-top" | "add-sub" | "split" | null>(code ? null : "add-top");
  const [mergeInto, setMergeInto] = useState<ChosenCode | null>(null);
  const [error, setError] = useState<string | null>(null);

  const merge = async () => {
    if (!code || !mergeInto) return;
    if (!window.confirm(`Merge “${code.name}” into “${mergeInto.name}”? Its codings and sub-codes move to “${mergeInto.name}”, and “${code.name}” is deleted.`)) return;
    const r = await mergeCodesAction({ projectId, sourceId: code.id, targetId: mergeInto.id });
    if (!r.ok) return setError(r.error.message);
    onChanged(`Merged “${code.name}” into “${mergeInto.name}”: ${r.data.movedCodings} codings moved, ${r.data.droppedDuplicates} duplicates dropped.`, mergeInto.id);
  };
  const remove = async () => {
    if (!code) return;
    const codings = `${codeCount.toLocaleString("en")} ${codeCount === 1 ? "coding" : "codings"}`;
    if (!window.confirm(`Delete “${code.name}”? Its ${codings} will be hidden from every view, and its sub-codes move up a level. You can undo this (Restore).`)) return;
    const r = await deleteCodeAction({ projectId, codeId: code.id });
    if (!r.ok) return setError(r.error.message);
    onDeleted({ id: code.id, name: code.name }, `Deleted “${code.name}”; ${r.data.hiddenCodings} codings hidden.`);
  };

  return (
    <section aria-label={code ? `Code ${code.name}` : "Add a code"} className="space-y-6">
      {canManage && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => setTool("add-top")} aria-pressed={tool === "add-top"}>Add a code at the top level</button>
          {code && <button type="button" className={button} onClick={() => setTool("add-sub")} aria-pressed={tool === "add-sub"}>Add a sub-code under “{code.name}”</button>}
        </div>
      )}
      {canManage && (tool === "add-top" || tool === "add-sub") && (
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <CodeEditor key={tool} projectId={projectId} readOnly={false}
            target={{ kind: "create", parentId: tool === "add-sub" && code ? code.id : null, parentName: tool === "add-sub" && code ? code.name : null }}
            onSaved={(id, message) => { setTool(null); onChanged(message, id); }} onCancel={code ? () => setTool(null) : undefined} />
        </div>
      )}
      {!code && !canManage && <p className="text-sm text-stone-600">Choose a code to read its definition and history.</p>}
      {code && (
        <>
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <CodeEditor key={`${code.id}-${version}`} projectId={projectId} readOnly={!canManage} target={{ kind: "edit", code }} onSaved={(id, message) => onChanged(message, id)} />
          </div>
          {canManage && (
            <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 text-sm">
              <div role="group" aria-label={`Move ${code.name}`} className="flex flex-wrap gap-2">
                {MOVES.map(([direction, label, keys]) => (
                  <button key={direction} type="button" className={button} onClick={() => onShift(code.id, direction)} aria-keyshortcuts={keys.replace("↑", "ArrowUp").replace("↓", "ArrowDown").replace("→", "ArrowRight").replace("←", "ArrowLeft")}>
                    {label} <span className="text-xs text-stone-600">{keys}</span>
                  </button>
                ))}
              </div>
              <div className="flex flex-wrap items-end gap-2">
                <CodeChooser projectId={projectId} label={`Merge ${code.name} into`} value={null} onChange={setMergeInto} className="min-w-64" />
                <button type="button" className={button} disabled={!mergeInto || mergeInto.id === code.id} onClick={() => void merge()}>Merge</button>
              </div>
              <div className="flex flex-wrap gap-2">
                <button type="button" className={button} onClick={() => setTool(tool === "split" ? null : "split")} aria-expanded={tool === "split"}>Split “{code.name}”…</button>
                <button type="button" className={`${button} text-red-800`} onClick={() => void remove()}>Delete “{code.name}” ({codeCount.toLocaleString("en")} codings)…</button>
              </div>
              {tool === "split" && <CodeSplit projectId={projectId} code={code} onDone={(id, message) => { setTool(null); onChanged(message, id); }} />}
              {error && <p role="alert" className="text-red-800">{error}</p>}
            </div>
          )}
          <section aria-labelledby="code-history-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h3 id="code-history-heading" className="mb-2 font-semibold">History of “{code.name}”</h3>
            <CodeHistory projectId={projectId} codeId={code.id} version={version} />
          </section>
        </>
      )}
    </section>
  );
}
