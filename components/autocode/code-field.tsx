"use client";

import { useState } from "react";
import { CodeChooser, type ChosenCode } from "@/components/codes/code-chooser";
import { createCodeAction } from "@/lib/codes/actions";

/**
 * The code a run applies: an existing one (typed to find it), or a new one made on the spot,
 * since runs like "every interviewer turn" usually want a code of their own.
 */
export function CodeField({ projectId, value, onChange }: { projectId: string; value: ChosenCode | null; onChange: (code: ChosenCode | null) => void }) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The chooser keeps its own state: a new key shows a code made here as chosen.
  const [generation, setGeneration] = useState(0);

  async function create() {
    setError(null);
    const result = await createCodeAction({ projectId, name });
    if (!result.ok) return setError(result.error.fieldErrors?.name?.[0] ?? result.error.message);
    onChange({ id: result.data.id, name: result.data.name });
    setGeneration((g) => g + 1);
    setCreating(false);
    setName("");
  }

  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium text-stone-800">Code to apply</span>
      <div className="flex flex-wrap items-center gap-2">
        <CodeChooser key={generation} projectId={projectId} label="Code to apply" value={value} onChange={onChange} className="w-72" />
        {!creating && (
          <button type="button" onClick={() => setCreating(true)} className="text-sm text-teal-800 underline focus-visible:outline-2 focus-visible:outline-teal-800">
            New code…
          </button>
        )}
      </div>
      {creating && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-sm">
            <span className="text-xs text-stone-600">Name of the new code</span>
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} className="mt-1 rounded border border-stone-400 px-2 py-1"
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void create();
                }
              }} />
          </label>
          <button type="button" onClick={() => void create()} disabled={!name.trim()} className="rounded border border-teal-800 px-2 py-1 text-sm text-teal-900 disabled:opacity-60">Create code</button>
          <button type="button" onClick={() => setCreating(false)} className="px-2 py-1 text-sm text-stone-700 underline">Cancel</button>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-800">{error}</p>}
    </div>
  );
}
