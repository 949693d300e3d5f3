"use client";

import { useState } from "react";
import { setDocumentsBlindAction, setProjectBlindAction } from "@/lib/rigour/actions";
import { MessageLine, useAction } from "./use-action";

/** The owner's switch for the whole project. */
export function ProjectBlindSwitch({ projectId, blind }: { projectId: string; blind: boolean }) {
  const { pending, message, run } = useAction();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => setProjectBlindAction({ projectId, blind: !blind }), (d) => (d.blind ? "Blind mode is on for the whole project." : "Revealed: everyone sees everyone's codings again."))}
        className={`rounded px-3 py-1.5 text-sm text-white disabled:opacity-60 ${blind ? "bg-amber-700" : "bg-teal-800"}`}
      >
        {blind ? "Reveal: turn blind mode off for the project" : "Turn blind mode on for the whole project"}
      </button>
      <MessageLine message={message} />
    </div>
  );
}

/** The owner's per-interview switches: choose interviews, then blind or reveal them. */
export function DocumentBlindForm({ projectId, documents, projectBlind }: { projectId: string; documents: { id: string; title: string; blindCoding: boolean }[]; projectBlind: boolean }) {
  const { pending, message, run } = useAction();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const apply = (blind: boolean) =>
    run(
      () => setDocumentsBlindAction({ projectId, documentIds: [...chosen], blind }),
      (d) => `${d.changed} interview${d.changed === 1 ? "" : "s"} ${blind ? "now blind" : "revealed"}.`,
    );
  return (
    <form aria-label="Blind mode per interview" onSubmit={(e) => e.preventDefault()} className="mt-3 rounded-lg border border-stone-200 bg-white p-4 text-sm">
      {projectBlind && <p className="mb-3 text-amber-900">The whole project is blind, which covers every interview: revealing single interviews takes effect once the project is revealed.</p>}
      <fieldset>
        <legend className="sr-only">Interviews</legend>
        <div className="grid max-h-80 gap-1 overflow-auto sm:grid-cols-2">
          {documents.map((d) => (
            <label key={d.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={chosen.has(d.id)}
                onChange={() =>
                  setChosen((s) => {
                    const next = new Set(s);
                    if (next.has(d.id)) next.delete(d.id);
                    else next.add(d.id);
                    return next;
                  })
                }
              />
              <span>{d.title}</span>
              {d.blindCoding && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">blind</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" disabled={pending || chosen.size === 0} onClick={() => apply(true)} className="rounded bg-teal-800 px-3 py-1.5 text-white disabled:opacity-60">
          Blind the chosen interviews
        </button>
        <button type="button" disabled={pending || chosen.size === 0} onClick={() => apply(false)} className="rounded border border-stone-300 px-3 py-1.5 disabled:opacity-60">
          Reveal the chosen interviews
        </button>
        <MessageLine message={message} />
      </div>
    </form>
  );
}
