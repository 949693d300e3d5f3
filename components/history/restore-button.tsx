"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { restoreFromHistoryAction } from "@/lib/history/actions";

type Outcome = { ok: true; href: string | null } | { ok: false; message: string; codeHref: string | null };

/**
 * Restore on a deletion in the history; says why not and what to do first when it is refused.
 * On success the action revalidates the history, which then lists the restore first and no
 * longer offers this button; the links below show until that refresh arrives.
 */
export function RestoreButton({ projectId, eventId, what }: { projectId: string; eventId: string; what: "coding" | "code" | "memo" }) {
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const restore = () =>
    start(async () => {
      const result = await restoreFromHistoryAction({ projectId, eventId });
      if (result.ok) {
        const { kind, documentId } = result.data;
        setOutcome({ ok: true, href: kind === "coding" && documentId ? `/projects/${projectId}/documents/${documentId}` : kind === "code" ? `/projects/${projectId}/codebook` : `/projects/${projectId}/memos` });
      } else {
        const current = result.error.current as { codeId?: string } | undefined;
        setOutcome({ ok: false, message: result.error.message, codeHref: current?.codeId ? `/projects/${projectId}/history?kind=codes&code=${encodeURIComponent(current.codeId)}` : null });
      }
    });
  if (outcome?.ok) {
    return (
      <p role="status" className="text-sm text-teal-900">
        Restored. {outcome.href && <Link href={outcome.href} className="underline">{what === "coding" ? "Open it in the transcript" : what === "code" ? "Open the codebook" : "Open the memos"}</Link>}{" "}
        <a href={`/projects/${projectId}/history`} className="underline">Newest changes</a>
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <button type="button" onClick={restore} disabled={pending} className="rounded border border-teal-800 px-2 py-0.5 text-sm text-teal-900 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-800 disabled:opacity-50">
        {pending ? "Restoring…" : `Restore this ${what}`}
      </button>
      {outcome && !outcome.ok && (
        <p role="alert" className="text-sm text-red-800">
          {outcome.message} {outcome.codeHref && <Link href={outcome.codeHref} className="underline">Find the code&apos;s deletion</Link>}
        </p>
      )}
    </div>
  );
}
