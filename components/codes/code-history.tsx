"use client";

import { useEffect, useState } from "react";
import { codeHistoryAction } from "@/lib/codes/actions";
import type { HistoryEntry } from "@/lib/codes/history";
import { HistoryList } from "./history-list";

/** One code's history (lib/codes/history.ts), 50 changes a page, read when the code is opened. */
export function CodeHistory({ projectId, codeId, version }: { projectId: string; codeId: string; version: number }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ entries: HistoryEntry[]; pages: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void codeHistoryAction({ projectId, codeId, page }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.data);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [projectId, codeId, page, version]);
  if (error) return <p role="alert" className="text-sm text-red-800">{error}</p>;
  if (!data) return <p className="text-sm text-stone-600">Reading the history…</p>;
  return (
    <div>
      <HistoryList entries={data.entries} showCode={false} />
      {data.pages > 1 && (
        <p className="mt-1 flex gap-3 text-xs text-stone-600">
          <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} className="underline disabled:opacity-50">Newer</button>
          Page {page} of {data.pages}
          <button type="button" disabled={page >= data.pages} onClick={() => setPage((p) => p + 1)} className="underline disabled:opacity-50">Older</button>
        </p>
      )}
    </div>
  );
}
