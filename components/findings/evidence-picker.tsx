"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { pinEvidenceAction, unpinEvidenceAction } from "@/lib/findings/actions";
import type { StarredQuote } from "@/lib/stars/data";

const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Evidence for one finding, chosen among the team's representative quotes (starred on the
 * theme pages), so the report's quotes are the ones the team already agreed stand for a theme.
 */
export function EvidencePicker({ projectId, findingId, candidates, pinned }: {
  projectId: string;
  findingId: string;
  /** Representative quotes not yet pinned to this finding. */
  candidates: StarredQuote[];
  pinned: { codingId: string; quote: string }[];
}) {
  const router = useRouter();
  const [toPin, setToPin] = useState("");
  const [toUnpin, setToUnpin] = useState("");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const run = (action: typeof pinEvidenceAction, codingId: string) =>
    start(async () => {
      const result = await action({ projectId, findingId, codingId });
      setError(result.ok ? "" : result.error.message);
      if (result.ok) {
        setToPin("");
        setToUnpin("");
      }
      router.refresh();
    });
  return (
    <div className="mt-3 space-y-2 border-t border-stone-100 pt-3 text-sm print:hidden">
      {candidates.length === 0 ? (
        <p className="text-xs text-stone-500">Star passages on a theme page (☆ Mark as representative) to offer them here as evidence.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          <select value={toPin} onChange={(e) => setToPin(e.target.value)} aria-label="Representative quote to pin" className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1">
            <option value="">Pin a representative quote…</option>
            {candidates.map((q) => (
              <option key={q.codingId} value={q.codingId}>★ “{short(q.quote)}” — {q.documentTitle}{q.caseName ? `, case ${q.caseName}` : ""} · {q.codeName} · {q.coderName}</option>
            ))}
          </select>
          <button type="button" disabled={pending || !toPin} onClick={() => run(pinEvidenceAction, toPin)} className="rounded border border-stone-300 px-2 py-0.5 disabled:opacity-40">Pin as evidence</button>
        </div>
      )}
      {pinned.length > 0 && (
        <div className="flex flex-wrap gap-2">
          <select value={toUnpin} onChange={(e) => setToUnpin(e.target.value)} aria-label="Pinned quote to unpin" className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1">
            <option value="">Unpin a quote…</option>
            {pinned.map((q) => <option key={q.codingId} value={q.codingId}>“{short(q.quote)}”</option>)}
          </select>
          <button type="button" disabled={pending || !toUnpin} onClick={() => run(unpinEvidenceAction, toUnpin)} className="rounded border border-stone-300 px-2 py-0.5 disabled:opacity-40">Unpin</button>
        </div>
      )}
      {error && <p role="alert" className="text-red-800">{error}</p>}
    </div>
  );
}
