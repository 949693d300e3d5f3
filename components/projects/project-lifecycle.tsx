"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { archiveProjectAction, deleteProjectAction, restoreProjectAction } from "@/lib/projects/actions";

type Result = { ok: true } | { ok: false; error: { message: string } };

/**
 * An owner's archive and delete controls. Archiving makes the project read-only for everyone
 * and can be undone at any time; deleting asks for the project's name typed out, and the
 * project can still be restored from the projects page for `recoveryDays`.
 */
export function ProjectLifecycle({ projectId, name, archived, recoveryDays }: { projectId: string; name: string; archived: boolean; recoveryDays: number }) {
  const router = useRouter();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (call: () => Promise<Result>, after: () => void) =>
    startTransition(async () => {
      const result = await call();
      setError(result.ok ? null : result.error.message);
      if (result.ok) after();
    });

  function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(() => deleteProjectAction({ projectId, confirmName: typed }), () => router.push("/projects"));
  }

  const recovery = recoveryDays === 0 ? "It is erased at the next clean-up and cannot be restored." : `Its owners can restore it from the projects page for ${recoveryDays} day${recoveryDays === 1 ? "" : "s"}; then it is erased for good.`;
  return (
    <details className="mt-2 max-w-3xl text-sm">
      <summary className="cursor-pointer text-teal-800 underline">Archive or delete this project</summary>
      <div className="mt-2 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <p className="text-stone-700">
            {archived
              ? "This project is archived: everyone can read it, nobody can change it."
              : "Archiving keeps everything and makes the project read-only for every member, until an owner unarchives it."}
          </p>
          <button type="button" disabled={pending} onClick={() => run(() => archiveProjectAction({ projectId, archived: !archived }), () => router.refresh())}
            className="mt-2 rounded border border-stone-400 px-3 py-1 font-medium disabled:opacity-60">
            {archived ? "Unarchive project" : "Archive project"}
          </button>
        </div>
        <form onSubmit={onDelete} aria-label="Delete project" className="border-t border-stone-200 pt-3">
          <p className="text-stone-700">Deleting hides the project from every member at once. {recovery}</p>
          <label className="mt-2 block">
            Type <strong className="font-semibold">{name}</strong> to confirm
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-describedby={error ? `${id}-error` : undefined}
              className="mt-1 block w-full max-w-md rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" disabled={pending || typed.trim() !== name.trim()} className="mt-2 rounded bg-red-800 px-3 py-1 font-medium text-white disabled:opacity-50">
            Delete project
          </button>
        </form>
        {error && <p id={`${id}-error`} role="alert" className="text-red-800">{error}</p>}
      </div>
    </details>
  );
}

/** A deleted project's Restore button, on the projects page, for its owners. */
export function RestoreProjectButton({ projectId, name }: { projectId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={pending} aria-label={`Restore ${name}`}
        onClick={() => startTransition(async () => {
          const result = await restoreProjectAction({ projectId });
          setError(result.ok ? null : result.error.message);
          if (result.ok) router.refresh();
        })}
        className="rounded border border-stone-400 px-2 py-0.5 text-xs font-medium disabled:opacity-60">
        Restore
      </button>
      {error && <span role="alert" className="text-xs text-red-800">{error}</span>}
    </span>
  );
}
