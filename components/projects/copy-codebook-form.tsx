"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { copyCodebookAction } from "@/lib/projects/actions";

type Target = { id: string; name: string };
type Outcome = { kind: "ok"; text: string; href: string } | { kind: "error"; text: string };

/**
 * "Copy codebook to another project": this project's codes go into a project the user owns;
 * codes it already has are merged, and the answer says how many were added and merged.
 */
export function CopyCodebookForm({ projectId, targets }: { projectId: string; targets: Target[] }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const targetProjectId = String(new FormData(event.currentTarget).get("target") ?? "");
    startTransition(async () => {
      const result = await copyCodebookAction({ projectId, targetProjectId });
      if (!result.ok) return setOutcome({ kind: "error", text: result.error.message });
      const { created, matched, shortcutsDropped, targetName } = result.data;
      const dropped = shortcutsDropped.length > 0 ? ` Shortcut keys already used there were left off: ${shortcutsDropped.join(", ")}.` : "";
      setOutcome({ kind: "ok", href: `/projects/${result.data.targetProjectId}`, text: `Copied into ${targetName}: ${created} codes added, ${matched} already there (merged by name).${dropped}` });
    });
  }

  return (
    <details className="mt-2 max-w-3xl text-sm">
      <summary className="cursor-pointer text-teal-800 underline">Copy codebook to another project</summary>
      {targets.length === 0 ? (
        <p className="mt-2 text-stone-700">You own no other project that can take it. Create one with “New project” on the projects page (it can start with this codebook).</p>
      ) : (
        <form onSubmit={onSubmit} aria-label="Copy codebook" className="mt-2 space-y-2 rounded-lg border border-stone-200 bg-white p-4">
          <label className="block">
            Copy this project&apos;s codes into
            <select name="target" className="mt-1 block w-full max-w-md rounded border border-stone-300 px-2 py-1">
              {targets.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
          <p className="text-stone-700">Codes with definitions, colours and hierarchy; a code whose name is already there (under the same parent) is merged into it. No documents or codings.</p>
          <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 font-medium text-white disabled:opacity-60">{pending ? "Copying…" : "Copy codebook"}</button>
          {outcome && (
            <p role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind === "error" ? "text-red-800" : "text-teal-900"}>
              {outcome.text} {outcome.kind === "ok" && <Link href={outcome.href} className="underline">Open it</Link>}
            </p>
          )}
        </form>
      )}
    </details>
  );
}
