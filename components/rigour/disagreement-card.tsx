"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { domEndpoint } from "@/components/coding/dom-selection";
import { selectionToSpan } from "@/lib/codings/spans/selection";
import { decideAction, undoDecisionAction } from "@/lib/rigour/actions";
import type { DisagreementView } from "@/lib/rigour/disagreement-data";
import { KIND_LABELS } from "./decision-labels";
import { PassagePane } from "./passage-pane";
import { MessageLine, useAction } from "./use-action";

type Coder = { id: string; name: string };
type Code = { id: string; name: string; colour: string };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * One disagreement: what differs, both analysts' spans side by side on the text, and the
 * adjudication (accept A, accept B, both, merge, neither, or a new span chosen on the text),
 * or the decision taken and its Undo.
 */
export function DisagreementCard({ projectId, item, coders, codes, canAdjudicate }: {
  projectId: string;
  item: DisagreementView;
  coders: [Coder, Coder];
  codes: Record<string, Code>;
  canAdjudicate: boolean;
}) {
  const [a, b] = coders;
  const code = codes[item.codeId];
  const { pending, message, setMessage, run } = useAction();
  const [reason, setReason] = useState("");
  const [custom, setCustom] = useState<{ start: number; end: number } | null>(null);
  const paneA = useRef<HTMLDivElement>(null);
  const paneB = useRef<HTMLDivElement>(null);

  const decide = (kind: "accept_a" | "accept_b" | "accept_both" | "merge" | "custom" | "reject") =>
    run(
      () =>
        decideAction({
          projectId,
          documentId: item.documentId,
          codeId: item.codeId,
          coderIds: [a.id, b.id],
          kind,
          sourceCodingIds: [...item.a, ...item.b].map((c) => c.id),
          reason,
          ...(kind === "custom" && custom ? custom : {}),
        }),
      (d) => `Decided: ${KIND_LABELS[kind]} (${d.consensus} consensus span${d.consensus === 1 ? "" : "s"}).`,
    );

  function takeSelection() {
    const selection = window.getSelection();
    for (const root of [paneA.current, paneB.current]) {
      if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) continue;
      const anchor = selection.anchorNode && domEndpoint(selection.anchorNode, selection.anchorOffset, root);
      const focus = selection.focusNode && domEndpoint(selection.focusNode, selection.focusOffset, root);
      if (anchor && focus) {
        const span = selectionToSpan(anchor, focus);
        if (span.start < span.end) {
          setCustom(span);
          setMessage(null);
          return;
        }
      }
    }
    setMessage({ kind: "error", text: "Select the passage in one of the two texts above first, then press this button." });
  }

  const otherNames = item.otherCodes.map((o) => `${codes[o.codeId]?.name ?? "another code"} (${o.coder === "a" ? a.name : b.name})`);
  const headline =
    item.kind === "boundaries"
      ? `Both coded it; boundaries differ by up to ${item.largestDifference} characters`
      : item.kind === "different-codes"
        ? `Only ${item.a.length > 0 ? a.name : b.name} applied this code; the other applied ${otherNames.join(", ")}`
        : `Only ${item.kind === "only-a" ? a.name : b.name} coded this`;
  const excerptText = (s: { start: number; end: number }) => {
    const chars = [...item.excerpt.text];
    return chars.slice(Math.max(0, s.start - item.excerpt.start), Math.max(0, s.end - item.excerpt.start)).join("");
  };

  return (
    <article className="rounded-lg border border-stone-200 bg-stone-50 p-4" data-testid="disagreement" data-kind={item.kind} aria-labelledby={`d-${item.key}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`d-${item.key}`} className="font-medium">
          <span className="mr-2 inline-block size-3 rounded-sm align-baseline" style={{ backgroundColor: code?.colour }} aria-hidden />
          {code?.name ?? "Code"} · <span className="font-normal text-stone-700">{item.documentTitle}</span>
        </h3>
        <Link href={`/projects/${projectId}/documents/${item.documentId}?start=${item.start}&end=${item.end}`} className="text-xs text-teal-800 underline">
          Open in the transcript
        </Link>
      </header>
      <p className="mt-1 text-sm text-stone-700">{headline}.</p>
      <div className="mt-3 flex flex-col gap-3 md:flex-row">
        <PassagePane label={`A: ${a.name}`} excerpt={item.excerpt} spans={item.a} colour={code?.colour ?? "#64748b"} rootRef={paneA} testId="pane-a" />
        <PassagePane label={`B: ${b.name}`} excerpt={item.excerpt} spans={item.b} colour={code?.colour ?? "#64748b"} rootRef={paneB} testId="pane-b" />
      </div>

      {item.decision ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded bg-teal-50 px-3 py-2 text-sm" data-testid="decision">
          <span>
            <strong>Decided: {KIND_LABELS[item.decision.kind]}</strong> by {item.decision.decidedBy}, {when.format(new Date(item.decision.createdAt))}
            {item.decision.reason && <> — “{item.decision.reason}”</>}
            {item.decision.stale && <span className="ml-1 text-amber-800">(the codings of this passage changed since)</span>}
          </span>
          {canAdjudicate && (
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => undoDecisionAction({ projectId, decisionId: item.decision!.id }), () => "Decision undone; its consensus spans were removed.")}
              className="rounded border border-stone-300 bg-white px-2 py-0.5 hover:bg-stone-100 disabled:opacity-60"
            >
              Undo decision
            </button>
          )}
        </div>
      ) : canAdjudicate ? (
        <form className="mt-3 space-y-2 text-sm" aria-label="Adjudicate" onSubmit={(e) => e.preventDefault()}>
          <div className="flex flex-wrap gap-2">
            <Choice onClick={() => decide("accept_a")} disabled={pending} label={`Accept A`} detail={item.a.length === 0 ? `${a.name}: not coded` : a.name} />
            <Choice onClick={() => decide("accept_b")} disabled={pending} label={`Accept B`} detail={item.b.length === 0 ? `${b.name}: not coded` : b.name} />
            {item.a.length > 0 && item.b.length > 0 && (
              <>
                <Choice onClick={() => decide("accept_both")} disabled={pending} label="Accept both" detail="both spans" />
                <Choice onClick={() => decide("merge")} disabled={pending} label="Merge boundaries" detail="from the first start to the last end" />
              </>
            )}
            <Choice onClick={() => decide("reject")} disabled={pending} label="Neither" detail="not coded in the consensus" />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={takeSelection} className="rounded border border-stone-300 bg-white px-2 py-1 hover:bg-stone-100">
              New span from my selection
            </button>
            {custom && (
              <>
                <span className="text-stone-700">“{excerptText(custom)}” ({custom.start}–{custom.end})</span>
                <button type="button" disabled={pending} onClick={() => decide("custom")} className="rounded bg-teal-800 px-2 py-1 text-white disabled:opacity-60">
                  Save the new span
                </button>
              </>
            )}
          </div>
          <label className="block">
            <span className="text-stone-600">Reason (optional)</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={5000} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
          </label>
        </form>
      ) : null}
      <div className="mt-2">
        <MessageLine message={message} />
      </div>
    </article>
  );
}

function Choice({ label, detail, onClick, disabled }: { label: string; detail: string; onClick: () => void; disabled: boolean }) {
  return (
    <button type="button" onClick={onClick} disabled={disabled} aria-label={`${label}: ${detail}`} className="rounded bg-white px-3 py-1 shadow-sm ring-1 ring-stone-300 hover:ring-teal-700 disabled:opacity-60">
      {label} <span className="text-xs text-stone-500">({detail})</span>
    </button>
  );
}
