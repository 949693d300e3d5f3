"use client";

import { useEffect, useState } from "react";
import type { CodeDefinition } from "@/lib/codes/data";

// Definitions read once per page view: opening a code again shows it at once.
const cache = new Map<string, CodeDefinition>();

/** Forget a code's definition after it was edited, so the next opening reads it afresh. */
export function forgetCodeDefinition(projectId: string, codeId: string) {
  cache.delete(`${projectId}/${codeId}`);
}

type State = { status: "loading" } | { status: "ready"; code: CodeDefinition } | { status: "error"; message: string };

/**
 * A code's definition, read when it is opened (the page does not carry the codebook's
 * definitions: lib/codes/packed.ts), from GET /api/projects/:projectId/codes/:codeId.
 */
export function CodeDefinitionCard({ projectId, codeId, name, onClose, editHref }: { projectId: string; codeId: string; name: string; onClose: () => void; editHref?: string }) {
  const key = `${projectId}/${codeId}`;
  const [state, setState] = useState<State>(() => (cache.has(key) ? { status: "ready", code: cache.get(key)! } : { status: "loading" }));

  useEffect(() => {
    const known = cache.get(key);
    if (known) return setState({ status: "ready", code: known });
    setState({ status: "loading" });
    const abort = new AbortController();
    fetch(`/api/projects/${encodeURIComponent(projectId)}/codes/${encodeURIComponent(codeId)}`, { signal: abort.signal })
      .then(async (response) => {
        const body = (await response.json()) as { code?: CodeDefinition; error?: { message: string } };
        if (!response.ok || !body.code) return setState({ status: "error", message: body.error?.message ?? "The definition could not be read." });
        cache.set(key, body.code);
        setState({ status: "ready", code: body.code });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ status: "error", message: error instanceof Error ? error.message : "The definition could not be read." });
      });
    return () => abort.abort();
  }, [key, projectId, codeId]);

  const parts = state.status === "ready"
    ? ([["", state.code.description], ["Include", state.code.inclusion], ["Exclude", state.code.exclusion], ["Example", state.code.example]] as const).filter(([, text]) => text)
    : [];
  return (
    <section aria-label={`Definition of ${name}`} data-testid="code-definition" className="mt-2 rounded border border-stone-200 bg-stone-50 p-2 text-xs text-stone-700">
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold text-stone-900">{name}</h3>
        <button type="button" onClick={onClose} aria-label="Close the definition" className="rounded px-1 text-stone-500 hover:bg-stone-200">×</button>
      </div>
      {state.status === "loading" && <p className="mt-1 text-stone-500">Reading the definition…</p>}
      {state.status === "error" && <p className="mt-1 text-red-800" role="alert">{state.message}</p>}
      {state.status === "ready" && parts.length === 0 && <p className="mt-1 text-stone-500">No definition yet.</p>}
      {parts.map(([label, text]) => (
        <p key={label} className="mt-1 max-h-40 overflow-auto whitespace-pre-line">
          {label && <span className="font-medium">{label}: </span>}
          {text}
        </p>
      ))}
      <p className="mt-1 flex flex-wrap gap-x-3">
        {editHref && <a href={editHref} className="text-teal-800 underline">Edit this code</a>}
        {/* Who created, renamed, merged, applied or removed it: the project history filtered to this code. */}
        <a href={`/projects/${projectId}/history?code=${encodeURIComponent(codeId)}`} className="text-teal-800 underline">History of this code</a>
      </p>
    </section>
  );
}
