"use client";

import { useEffect, useState } from "react";
import { codeCodingsAction, splitCodeAction } from "@/lib/codes/actions";
import { CODE_NAME_LIMIT } from "@/lib/codes/limits";

type Row = { id: string; quote: string; documentTitle: string; coderName: string };

/**
 * Splits a code: lists its codings (those the owner may see; blind coding decides on the
 * server) with quote and document, a page of 200 at a time; the ticked ones move to a new
 * code, named here, placed beside the original.
 */
export function CodeSplit({ projectId, code, onDone }: { projectId: string; code: { id: string; name: string }; onDone: (newCodeId: string, message: string) => void }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ codings: Row[]; total: number } | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void codeCodingsAction({ projectId, codeId: code.id, page }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.data);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [projectId, code.id, page]);

  const toggle = (id: string) => setChosen((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await splitCodeAction({ projectId, codeId: code.id, codingIds: [...chosen], name });
    setBusy(false);
    if (!r.ok) return setError(Object.values(r.error.fieldErrors ?? {}).flat()[0] ?? r.error.message);
    onDone(r.data.code.id, `Split: ${r.data.movedCodings} codings moved from “${code.name}” to the new code “${r.data.code.name}”.`);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / 200)) : 1;

  return (
    <form onSubmit={submit} aria-label={`Split ${code.name}`} className="space-y-2 text-sm" data-testid="code-split">
      <p className="text-stone-700">Tick the codings to move to a new code beside “{code.name}”.</p>
      {!data && !error && <p className="text-stone-600">Reading the codings…</p>}
      {data && data.total === 0 && <p className="text-stone-600">“{code.name}” has no codings you can see, so there is nothing to split.</p>}
      {data && data.codings.length > 0 && (
        <ul className="max-h-72 space-y-1 overflow-auto rounded border border-stone-200 p-2">
          {data.codings.map((c) => (
            <li key={c.id}>
              <label className="flex gap-2">
                <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} className="mt-1" />
                <span><q>{c.quote}</q> <span className="text-xs text-stone-600">— {c.documentTitle}, {c.coderName}</span></span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <p className="flex items-center gap-2 text-xs text-stone-600">
          <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} className="underline disabled:opacity-50">Previous</button>
          Page {page} of {pages} ({data?.total} codings; ticks are kept across pages)
          <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} className="underline disabled:opacity-50">Next</button>
        </p>
      )}
      <label className="flex flex-col font-medium">Name of the new code
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={CODE_NAME_LIMIT} className="mt-1 rounded border border-stone-300 px-2 py-1 font-normal" />
      </label>
      {error && <p role="alert" className="text-red-800">{error}</p>}
      <button type="submit" disabled={busy || chosen.size === 0} className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 disabled:opacity-50">
        Move {chosen.size} {chosen.size === 1 ? "coding" : "codings"} to the new code
      </button>
    </form>
  );
}
