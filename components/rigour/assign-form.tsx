"use client";

import { useState, type FormEvent } from "react";
import { assignDocumentsAction } from "@/lib/rigour/actions";
import { MessageLine, useAction } from "./use-action";

type Props = {
  projectId: string;
  documents: { id: string; title: string }[];
  coders: { id: string; name: string; role: string }[];
};

/** The owner's form: choose interviews and the people who code each of them. */
export function AssignForm({ projectId, documents, coders }: Props) {
  const { pending, message, run } = useAction();
  const [chosenDocuments, setChosenDocuments] = useState<Set<string>>(new Set());
  const [chosenCoders, setChosenCoders] = useState<Set<string>>(new Set());
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    run(
      () => assignDocumentsAction({ projectId, documentIds: [...chosenDocuments], userIds: [...chosenCoders] }),
      (data) => `Assigned ${data.created} interview-analyst pair${data.created === 1 ? "" : "s"}${data.alreadyAssigned ? ` (${data.alreadyAssigned} were already assigned)` : ""}.`,
    );
  }

  const allChosen = chosenDocuments.size === documents.length && documents.length > 0;
  return (
    <form onSubmit={onSubmit} aria-label="Assign interviews" className="mt-4 grid gap-6 rounded-lg border border-stone-200 bg-white p-4 text-sm md:grid-cols-[2fr_1fr]">
      <fieldset>
        <legend className="font-medium">Interviews</legend>
        <label className="mt-2 flex items-center gap-2 text-stone-600">
          <input type="checkbox" checked={allChosen} onChange={() => setChosenDocuments(allChosen ? new Set() : new Set(documents.map((d) => d.id)))} />
          All interviews ({documents.length})
        </label>
        <div className="mt-2 grid max-h-64 gap-1 overflow-auto sm:grid-cols-2">
          {documents.map((d) => (
            <label key={d.id} className="flex items-center gap-2">
              <input type="checkbox" name="documentIds" value={d.id} checked={chosenDocuments.has(d.id)} onChange={() => setChosenDocuments((s) => toggle(s, d.id))} />
              {d.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-3">
        <fieldset>
          <legend className="font-medium">Analysts</legend>
          {coders.length === 0 && <p className="mt-2 text-stone-600">No analysts yet: add members with the analyst role on the project page.</p>}
          <div className="mt-2 space-y-1">
            {coders.map((c) => (
              <label key={c.id} className="flex items-center gap-2">
                <input type="checkbox" name="userIds" value={c.id} checked={chosenCoders.has(c.id)} onChange={() => setChosenCoders((s) => toggle(s, c.id))} />
                {c.name}
                {c.role === "owner" && <span className="text-xs text-stone-500">(owner)</span>}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="text-stone-600">Each chosen analyst gets each chosen interview in their queue. Assign the same interviews to two analysts to double-code them.</p>
        <button type="submit" disabled={pending || chosenDocuments.size === 0 || chosenCoders.size === 0} className="self-start rounded bg-teal-800 px-3 py-1.5 text-white disabled:opacity-60">
          {pending ? "Assigning…" : "Assign"}
        </button>
        <MessageLine message={message} />
      </div>
    </form>
  );
}
