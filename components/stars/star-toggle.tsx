"use client";

import { useState, useTransition } from "react";
import type { PassageStar } from "@/lib/stars/passages";
import { starQuoteAction, unstarQuoteAction } from "@/lib/stars/actions";

/**
 * Marks a passage as representative for the whole team. The star shows at once and is taken
 * back, with the server's reason, if the server refuses. Viewers see the mark, not the button.
 */
export function StarToggle({ projectId, star, editable }: { projectId: string; star: PassageStar; editable: boolean }) {
  const [starred, setStarred] = useState(star.starred);
  const [note, setNote] = useState(star.note);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  if (!editable) {
    return star.starred ? <span className="shrink-0 text-xs text-amber-800" title={star.note ?? undefined}><span aria-hidden>★</span> Representative</span> : null;
  }
  const toggle = () => {
    // aria-disabled rather than disabled while saving, so keyboard focus stays on the button.
    if (pending || !star.toStar) return;
    const next = !starred;
    const noteBefore = note;
    const rollBack = (message: string) => {
      setStarred(!next);
      setNote(noteBefore);
      setError(message);
    };
    setStarred(next);
    setNote(next ? "Marked representative by you" : null);
    setError("");
    start(async () => {
      try {
        const result = next ? await starQuoteAction({ projectId, codingIds: [star.toStar!] }) : await unstarQuoteAction({ projectId, codingIds: star.codingIds });
        if (!result.ok) rollBack(result.error.message);
      } catch {
        rollBack("The star could not be saved (the server did not answer). Check your connection and try again.");
      }
    });
  };
  return (
    <span className="flex shrink-0 flex-col items-end gap-1">
      <button
        type="button"
        onClick={toggle}
        aria-pressed={starred}
        aria-label="Mark as representative"
        aria-disabled={pending || undefined}
        title={note ?? "Mark as representative for the team"}
        className={`rounded border px-2 py-0.5 text-xs ${starred ? "border-amber-400 bg-amber-50 text-amber-900" : "border-stone-300 text-stone-600 hover:bg-stone-50"}`}
      >
        <span aria-hidden>{starred ? "★" : "☆"}</span> {starred ? "Representative" : "Mark as representative"}
      </button>
      {error && <span role="alert" className="max-w-xs text-right text-xs text-red-800">{error}</span>}
    </span>
  );
}
