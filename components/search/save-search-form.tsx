"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { saveSearchAction } from "@/lib/search/actions";
import { MAX_SAVED_SEARCH_NAME } from "@/lib/search/limits";

/** "Save this search": names the search on the page (its query string) so it can be re-run and compared. */
export function SaveSearchForm({ projectId, params, suggestion }: { projectId: string; params: string; suggestion: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    startTransition(async () => {
      const result = await saveSearchAction({ projectId, name, params });
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setMessage({ kind: "ok", text: `Saved as "${result.data.name}".` });
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Save this search" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col">
        <span className="text-xs text-stone-600">Save this search as</span>
        <input name="name" required maxLength={MAX_SAVED_SEARCH_NAME} defaultValue={suggestion} className="rounded border border-stone-400 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-teal-800 px-3 py-1 text-teal-900 hover:bg-teal-50 disabled:opacity-60">{pending ? "Saving…" : "Save search"}</button>
      {message && <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-800"}>{message.text}</p>}
    </form>
  );
}
