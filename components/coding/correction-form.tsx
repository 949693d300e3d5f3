"use client";

import { useMemo, useState } from "react";
import type { CorrectionPreview } from "@/lib/transcripts/correction/mutations";
import { correctTurnAction, previewCorrectionAction } from "@/lib/transcripts/correction/actions";
import { SPEAKER_MAX, TURN_TEXT_MAX } from "@/lib/transcripts/correction/limits";
import { codePointIndex } from "@/lib/transcripts/offsets";
import type { Turn } from "./types";

type Props = {
  projectId: string;
  documentId: string;
  version: number;
  text: string;
  turns: Turn[];
  /** The turn to open with (the one under the selection), by index. */
  initialTurn: number;
  onClose: () => void;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Correcting one turn: its words and its speaker. Saving always comes after a preview of what
 * happens to the codings on this transcript (kept, to review, detached), because a correction
 * cannot be undone by a click: the old text stays as a version, but codings may need review.
 */
export function CorrectionForm({ projectId, documentId, version, text, turns, initialTurn, onClose }: Props) {
  const index = useMemo(() => codePointIndex(text), [text]);
  const turnText = (i: number) => text.slice(index.toUtf16(turns[i].start), index.toUtf16(turns[i].end));
  const [turnIndex, setTurnIndex] = useState(initialTurn);
  const [draft, setDraft] = useState(() => turnText(initialTurn));
  const [speaker, setSpeaker] = useState(turns[initialTurn]?.speaker ?? "");
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<{ key: string; data: CorrectionPreview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = { projectId, documentId, version, turnIndex, text: draft, speaker, reason: reason || undefined };
  const key = JSON.stringify([turnIndex, draft, speaker]);
  const previewed = preview?.key === key ? preview.data : null;

  const chooseTurn = (i: number) => {
    setTurnIndex(i);
    setDraft(turnText(i));
    setSpeaker(turns[i].speaker);
    setPreview(null);
  };
  const run = async (save: boolean) => {
    setBusy(true);
    setError(null);
    const result = save ? await correctTurnAction(input) : await previewCorrectionAction(input);
    setBusy(false);
    if (!result.ok) return setError(result.error.fieldErrors ? Object.values(result.error.fieldErrors).flat().join(" ") : result.error.message);
    if (!save) return setPreview({ key, data: result.data });
    // The workspace holds the text, turns and codings of the old version: start again from the new one.
    window.location.reload();
  };

  return (
    <form className="mt-2 space-y-2 text-sm" data-testid="correction-form" onSubmit={(e) => { e.preventDefault(); void run(!!previewed); }}>
      <label className="block">
        <span className="text-stone-700">Turn</span>
        <select value={turnIndex} onChange={(e) => chooseTurn(Number(e.target.value))} className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">
          {turns.map((t, i) => <option key={i} value={i}>{`${i + 1}. ${t.speaker}: ${turnText(i).slice(0, 40)}`}</option>)}
        </select>
      </label>
      <label className="block">
        <span className="text-stone-700">Speaker</span>
        <input value={speaker} maxLength={SPEAKER_MAX} required onChange={(e) => setSpeaker(e.target.value)} className="mt-1 w-full rounded border border-stone-400 px-2 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700" />
      </label>
      <label className="block">
        <span className="text-stone-700">Text</span>
        <textarea value={draft} maxLength={TURN_TEXT_MAX} required rows={6} onChange={(e) => setDraft(e.target.value)} className="mt-1 w-full rounded border border-stone-400 px-2 py-1 font-serif focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700" />
      </label>
      <label className="block">
        <span className="text-stone-700">Reason (optional)</span>
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="e.g. misheard product name" className="mt-1 w-full rounded border border-stone-400 px-2 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700" />
      </label>
      <div role="status" aria-live="polite" data-testid="correction-preview" className="text-stone-800">
        {previewed && (
          <p className="rounded border border-stone-300 bg-stone-50 px-2 py-1">
            Codings you can see: {plural(previewed.counts.kept, "kept", "kept")}, {plural(previewed.counts.edited, "to review", "to review")}, {plural(previewed.counts.detached, "detached", "detached")}.
            {previewed.counts.detached > 0 && " Detached codings are listed under To review to be re-placed."}
          </p>
        )}
      </div>
      {error && <p role="alert" className="text-red-800">{error}</p>}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-teal-800 px-3 py-1 font-medium text-white hover:bg-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 focus-visible:ring-offset-2 disabled:opacity-60">
          {previewed ? "Save correction" : "Preview"}
        </button>
        <button type="button" onClick={onClose} className="rounded border border-stone-500 px-3 py-1 text-stone-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">Cancel</button>
      </div>
    </form>
  );
}
