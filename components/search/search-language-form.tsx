"use client";

import { useState, useTransition, type FormEvent } from "react";
import { setSearchLanguageAction } from "@/lib/search/actions";

/** An owner's choice of the language search stems words in, folded away until wanted. */
export function SearchLanguageForm({ projectId, current, available }: { projectId: string; current: string; available: string[] }) {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const language = new FormData(event.currentTarget).get("language");
    startTransition(async () => {
      const result = await setSearchLanguageAction({ projectId, language });
      setMessage(result.ok ? { kind: "ok", text: `Search now stems words as ${result.data.language}. Search again to see the difference.` } : { kind: "error", text: result.error.message });
    });
  }

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-teal-800 underline">Search language: {current}</summary>
      <form onSubmit={onSubmit} aria-label="Search language" className="mt-2 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <label className="flex flex-col">
          <span className="text-xs text-stone-600">Language the transcripts are in (words are reduced to their stems in it; &ldquo;simple&rdquo; does not stem)</span>
          <select name="language" defaultValue={current} className="mt-1 max-w-64 rounded border border-stone-400 px-2 py-1">
            {available.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white disabled:opacity-60">{pending ? "Saving…" : "Save"}</button>
        {message && <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-800"}>{message.text}</p>}
      </form>
    </details>
  );
}
