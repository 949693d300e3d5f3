"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeOtherSessionsAction, revokeSessionAction } from "@/lib/account/actions";

type SessionView = { id: string; createdAt: string; lastSeenAt: string; userAgent: string; ipAddress: string };

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function SessionList({ sessions, currentId }: { sessions: SessionView[]; currentId: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const others = sessions.filter((s) => s.id !== currentId).length;

  function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    setError("");
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error?.message ?? "That did not work. Try again.");
      router.refresh();
    });
  }

  return (
    <div className="mt-4 text-sm">
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-4 px-4 py-2.5">
            <span className="min-w-0">
              <span className="block truncate font-medium" title={s.userAgent}>{s.userAgent || "Unknown browser"}</span>
              <span className="block text-xs text-stone-500">
                {s.ipAddress || "unknown address"} · signed in {when(s.createdAt)} · last active {when(s.lastSeenAt)}
              </span>
            </span>
            {s.id === currentId ? (
              <span className="shrink-0 rounded bg-teal-50 px-2 py-0.5 text-xs text-teal-900">This browser</span>
            ) : (
              <button type="button" disabled={pending} onClick={() => run(() => revokeSessionAction({ sessionId: s.id }))}
                className="shrink-0 rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60">
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <button type="button" disabled={pending} onClick={() => run(() => revokeOtherSessionsAction({}))}
          className="mt-3 rounded border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50 disabled:opacity-60">
          Sign out all other sessions ({others})
        </button>
      )}
      {error && <p role="alert" className="mt-2 text-red-800">{error}</p>}
    </div>
  );
}
