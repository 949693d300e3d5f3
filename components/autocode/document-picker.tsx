"use client";

/** Interviews to run in: none ticked means all of them (the usual case, so the list is folded away). */
export function DocumentPicker({ documents, chosen, onChange }: { documents: { id: string; title: string }[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-stone-800">
        Interviews: <span className="font-medium">{chosen.length === 0 ? `all ${documents.length}` : `${chosen.length} chosen`}</span>
      </summary>
      <fieldset className="mt-2 max-h-56 overflow-y-auto rounded border border-stone-200 bg-white p-2">
        <legend className="sr-only">Interviews to code in (none ticked: all)</legend>
        {chosen.length > 0 && (
          <button type="button" onClick={() => onChange([])} className="mb-1 text-teal-800 underline">Use all interviews</button>
        )}
        {documents.map((d) => (
          <label key={d.id} className="flex items-center gap-2 py-0.5">
            <input type="checkbox" checked={chosen.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
            {d.title}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
