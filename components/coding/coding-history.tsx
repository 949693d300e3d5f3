"use client";

import { useParams } from "next/navigation";
import { useState } from "react";
import type { HistoryItem } from "@/lib/history/describe";
import { codingHistoryAction } from "@/lib/history/actions";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * A coding's history in its details: created, moved, recoded, memo edited, pinned, starred, by
 * whom and when (lib/history, blind coding applied on the server). Read when first opened.
 */
export function CodingHistory({ codingId }: { codingId: string }) {
  const { projectId } = useParams<{ projectId: string }>();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    if (items || codingId.startsWith("temp-")) return;
    void codingHistoryAction({ projectId, codingId }).then((r) => (r.ok ? setItems(r.data) : setError(r.error.message)));
  };
  return (
    <details className="mt-2 text-xs" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && load()} data-testid="coding-history">
      <summary className="cursor-pointer rounded text-stone-700 focus-visible:outline-2 focus-visible:outline-teal-800">History</summary>
      {error ? (
        <p role="alert" className="mt-1 text-red-800">{error}</p>
      ) : !items ? (
        <p className="mt-1 text-stone-600">Reading the history…</p>
      ) : items.length === 0 ? (
        <p className="mt-1 text-stone-600">No recorded changes (this coding may have come from an import).</p>
      ) : (
        <ol className="mt-1 space-y-1">
          {items.map((item) => (
            <li key={item.id} className="border-l-2 border-stone-200 pl-2">
              <span className="text-stone-800">{item.actor ?? "Someone"} {item.verb}</span>{" "}
              <time dateTime={item.at} className="text-stone-600">{when.format(new Date(item.at))}</time>
              {item.action === "coding.update" && item.changes.length > 0 && (
                <ul className="text-stone-700">
                  {item.changes.slice(0, 4).map((c) => <li key={c.field}>{c.field}: {c.before || "—"} → {c.after || "—"}</li>)}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <a href={`/projects/${projectId}/history?kind=codings`} className="mt-1 inline-block text-teal-800 underline">Project history</a>
    </details>
  );
}
