"use client";

import { useState, useTransition, type ReactNode } from "react";
import { deleteMemoAction } from "@/lib/memos/actions";
import { MemoForm } from "./memo-form";

export type MemoCardData = { id: string; title: string; body: string; authorName: string; created: string; updated: string | null; updatedAt: string; createdAt: string };

type Props = {
  projectId: string;
  memo: MemoCardData;
  canEdit: boolean;
  canDelete: boolean;
  /** What the memo is about, as a link (on the memos page). */
  about?: ReactNode;
  /** The body, rendered as Markdown on the server (memo-markdown.tsx). */
  children: ReactNode;
};

/** One memo: title, author and dates, its rendered body; Edit for its author, Delete (confirmed) for its author or an owner. */
export function MemoCard({ projectId, memo, canEdit, canDelete, about, children }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteMemoAction({ projectId, memoId: memo.id });
      if (!result.ok) setError(result.error.message);
      setConfirming(false);
    });

  return (
    <article className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby={`memo-${memo.id}-heading`} data-testid="memo">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={`memo-${memo.id}-heading`} className="font-semibold">{memo.title || "Untitled memo"}</h3>
        <p className="text-xs text-stone-600">
          {memo.authorName} · <time dateTime={memo.createdAt}>{memo.created}</time>
          {memo.updated && <> · edited <time dateTime={memo.updatedAt}>{memo.updated}</time></>}
        </p>
      </header>
      {about && <p className="mt-1 text-xs text-stone-700">{about}</p>}
      <div className="mt-2">
        {editing ? (
          <MemoForm projectId={projectId} memo={memo} label={`Edit memo ${memo.title || ""}`.trim()} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        ) : (
          children
        )}
      </div>
      {!editing && (canEdit || canDelete) && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          {canEdit && <button type="button" onClick={() => setEditing(true)} className="text-teal-800 underline">Edit</button>}
          {canDelete && !confirming && <button type="button" onClick={() => setConfirming(true)} className="text-red-800 underline">Delete</button>}
          {confirming && (
            <span role="group" aria-label="Confirm deletion" className="flex items-center gap-2">
              <span>Delete this memo for everyone? This cannot be undone.</span>
              <button type="button" disabled={pending} onClick={remove} className="rounded bg-red-800 px-2 py-0.5 text-white disabled:opacity-60">Delete memo</button>
              <button type="button" onClick={() => setConfirming(false)} className="text-teal-800 underline" autoFocus>Keep it</button>
            </span>
          )}
        </div>
      )}
      {error && <p role="alert" className="mt-2 text-sm text-red-800">{error}</p>}
    </article>
  );
}
