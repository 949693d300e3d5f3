"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { LiveEvent } from "@/lib/live/events";
import { PresenceList } from "./presence-list";
import { useLive } from "./use-live";

/**
 * For pages computed from the whole study (summaries, findings, agreement): when someone else
 * changes codings, codes, findings or cases, say so and offer to refresh, rather than
 * redrawing figures under the reader's eyes. Also shows who else is on the page.
 */
export function StaleNotice({ projectId, page, since, me }: { projectId: string; page: string; since: string; me: string }) {
  const router = useRouter();
  const [changes, setChanges] = useState<LiveEvent[]>([]);
  const where = `page:${page}`;
  const { people } = useLive({ projectId, where, since, me, onChange: (event) => setChanges((list) => [...list.slice(-19), event]) });
  const who = [...new Set(changes.map((c) => c.actor?.name).filter(Boolean))];
  return (
    <div className="space-y-1 print:hidden">
      <PresenceList people={people} where={where} />
      {changes.length > 0 && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-testid="stale-notice">
          <span>
            Updated since this page was drawn: {changes.length} {changes.length === 1 ? "change" : "changes"}
            {who.length > 0 ? ` by ${who.join(", ")}` : ""}.
          </span>
          <button type="button" onClick={() => { setChanges([]); router.refresh(); }}
            className="rounded border border-stone-400 bg-white px-2 py-0.5 text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-teal-800">
            Refresh
          </button>
        </div>
      )}
    </div>
  );
}
