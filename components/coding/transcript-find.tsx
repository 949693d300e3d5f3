"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { findInText, stepHit, type Found } from "@/lib/transcripts/find";

type Props = {
  /** The whole transcript's text (the find bar opens once it is loaded). */
  text: string;
  /** Scrolls the hit into view, draws it however far down it is, and selects it. */
  onShow: (hit: Found) => void;
  onClose: () => void;
};

/**
 * Find in this transcript (Ctrl+F): the browser's own find sees only the turns drawn so far,
 * this searches the whole text. Enter shows the next hit, Shift+Enter the previous one, each
 * selected so a shortcut key or the picker codes it; Escape closes.
 */
export function TranscriptFind({ text, onShow, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [current, setCurrent] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const { hits, more } = useMemo(() => findInText(text, query), [text, query]);

  useEffect(() => input.current?.focus(), []);

  const go = (step: 1 | -1) => {
    const next = stepHit(current, step, hits.length);
    setCurrent(next);
    if (next >= 0) onShow(hits[next]!);
  };
  const count = `${hits.length.toLocaleString("en")}${more ? "+" : ""}`;
  const status = query.trim() === "" ? "" : hits.length === 0 ? "No matches" : current < 0 ? `${count} matches` : `${current + 1} of ${count}`;

  return (
    <div role="search" aria-label="Find in this transcript" data-testid="transcript-find" className="mt-3 flex flex-wrap items-center gap-2 rounded border border-stone-300 bg-white px-3 py-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-stone-700">Find</span>
        <input ref={input} value={query} aria-describedby="transcript-find-status" className="w-56 rounded border border-stone-400 px-2 py-1"
          onChange={(e) => { setQuery(e.target.value); setCurrent(-1); }}
          onKeyDown={(e) => {
            if (e.key === "Enter") go(e.shiftKey ? -1 : 1);
            else if (e.key === "Escape") onClose();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }} />
      </label>
      <button type="button" onClick={() => go(-1)} disabled={hits.length === 0} aria-label="Previous match" className="rounded border border-stone-400 px-2 py-0.5 disabled:opacity-50">↑</button>
      <button type="button" onClick={() => go(1)} disabled={hits.length === 0} aria-label="Next match" className="rounded border border-stone-400 px-2 py-0.5 disabled:opacity-50">↓</button>
      <span id="transcript-find-status" role="status" aria-live="polite" className="min-w-24 text-stone-700">{status}</span>
      <button type="button" onClick={onClose} className="ml-auto rounded border border-stone-400 px-2 py-0.5">Close</button>
    </div>
  );
}
