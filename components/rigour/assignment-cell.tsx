"use client";

import { markDoneAction, unassignDocumentAction } from "@/lib/rigour/actions";
import { MessageLine, useAction } from "./use-action";

/** An owner's "Remove" for one assignment. */
export function UnassignButton({ projectId, documentId, userId, label }: { projectId: string; documentId: string; userId: string; label: string }) {
  const { pending, message, run } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={label}
        onClick={() => run(() => unassignDocumentAction({ projectId, documentId, userId }), () => "Removed.")}
        className="ml-2 text-xs text-stone-500 underline hover:text-red-800 disabled:opacity-60"
      >
        Remove
      </button>
      {message?.kind === "error" && <MessageLine message={message} />}
    </>
  );
}

/** The assigned analyst's "Mark done" / "Mark not done". */
export function DoneToggle({ projectId, documentId, done, title }: { projectId: string; documentId: string; done: boolean; title: string }) {
  const { pending, message, run } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        aria-label={done ? `Mark ${title} not done` : `Mark ${title} done`}
        onClick={() => run(() => markDoneAction({ projectId, documentId, done: !done }), (d) => (d.doneAt ? "Marked done." : "Marked not done."))}
        className={`rounded px-3 py-1 text-sm disabled:opacity-60 ${done ? "border border-stone-300 text-stone-700 hover:bg-stone-100" : "bg-teal-800 text-white"}`}
      >
        {pending ? "Saving…" : done ? "Mark not done" : "Mark done"}
      </button>
      <MessageLine message={message} />
    </div>
  );
}
