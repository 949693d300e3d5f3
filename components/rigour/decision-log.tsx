"use client";

import { undoDecisionAction } from "@/lib/rigour/actions";
import { KIND_LABELS } from "./decision-labels";
import { MessageLine, useAction } from "./use-action";

type Entry = {
  id: string;
  kind: keyof typeof KIND_LABELS;
  reason: string;
  createdAt: Date;
  undoneAt: Date | null;
  document: { id: string; title: string };
  code: { name: string; colour: string };
  decidedBy: { name: string };
  undoneBy: { name: string } | null;
  consensus: { id: string; start: number; end: number; quote: string }[];
};

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Every recent decision with the consensus spans it made; live ones can be undone here too. */
export function DecisionLog({ projectId, entries, canUndo }: { projectId: string; entries: Entry[]; canUndo: boolean }) {
  return (
    <ol className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm" aria-label="Decisions">
      {entries.map((e) => (
        <LogEntry key={e.id} projectId={projectId} entry={e} canUndo={canUndo} />
      ))}
    </ol>
  );
}

function LogEntry({ projectId, entry: e, canUndo }: { projectId: string; entry: Entry; canUndo: boolean }) {
  const { pending, message, run } = useAction();
  return (
    <li className={`px-4 py-2 ${e.undoneAt ? "text-stone-600" : ""}`} data-testid="decision-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span>
          <span className="mr-1 inline-block size-2.5 rounded-sm" style={{ backgroundColor: e.code.colour }} aria-hidden />
          <strong className="font-medium">{KIND_LABELS[e.kind]}</strong> · {e.code.name} · {e.document.title} — {e.decidedBy.name}, {when.format(new Date(e.createdAt))}
          {e.undoneAt && <> · undone by {e.undoneBy?.name ?? "someone"}, {when.format(new Date(e.undoneAt))}</>}
        </span>
        {canUndo && !e.undoneAt && (
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => undoDecisionAction({ projectId, decisionId: e.id }), () => "Undone.")}
            className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100 disabled:opacity-60"
          >
            Undo
          </button>
        )}
      </div>
      {e.reason && <p className="text-stone-600">“{e.reason}”</p>}
      {e.consensus.length > 0 && (
        <p className="text-xs text-stone-500">Consensus: {e.consensus.map((c) => `“${c.quote.length > 90 ? c.quote.slice(0, 90) + "…" : c.quote}”`).join(" · ")}</p>
      )}
      <MessageLine message={message} />
    </li>
  );
}
