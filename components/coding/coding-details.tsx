"use client";

import { useState } from "react";
import { extendFocus } from "@/lib/codings/spans/caret";
import { sliceByCodePoints } from "@/lib/transcripts/offsets";
import { CodingHistory } from "./coding-history";
import type { Code, Coding } from "./types";

type Props = {
  codings: Coding[];
  codes: Map<string, Code>;
  codeList: Code[];
  text: string;
  meId: string;
  canCode: boolean;
  anchor: { top: number; left: number; bottom: number };
  onUpdate: (codingId: string, changes: { start?: number; end?: number; codeId?: string; memo?: string }) => void;
  onDelete: (codingId: string) => void;
  onClose: () => void;
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The codings under a click: code, coder, time and memo; one's own can be edited or deleted. */
export function CodingDetails({ codings, codes, codeList, text, meId, canCode, anchor, onUpdate, onDelete, onClose }: Props) {
  const top = Math.min(anchor.bottom + 8, window.innerHeight - 360);
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - 360);
  return (
    <div
      role="dialog"
      aria-label="Codings of this passage"
      data-testid="coding-details"
      className="fixed z-40 max-h-[22rem] w-[22rem] overflow-auto rounded-lg border border-stone-300 bg-white p-3 text-sm shadow-xl"
      style={{ top, left }}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <div className="mb-2 flex items-center justify-between">
        <p className="font-medium">{codings.length === 1 ? "1 coding" : `${codings.length} codings`} here</p>
        <button type="button" onClick={onClose} className="rounded px-2 text-stone-500 hover:bg-stone-100" aria-label="Close">
          ×
        </button>
      </div>
      <ul className="space-y-3">
        {codings.map((coding) => (
          <CodingItem key={coding.id} coding={coding} code={codes.get(coding.codeId)} codeList={codeList} text={text}
            editable={canCode && coding.coderId === meId && !coding.id.startsWith("temp-")} onUpdate={onUpdate} onDelete={onDelete} />
        ))}
      </ul>
    </div>
  );
}

function CodingItem({ coding, code, codeList, text, editable, onUpdate, onDelete }: {
  coding: Coding;
  code: Code | undefined;
  codeList: Code[];
  text: string;
  editable: boolean;
  onUpdate: Props["onUpdate"];
  onDelete: Props["onDelete"];
}) {
  const [memo, setMemo] = useState(coding.memo);
  const move = (edge: "start" | "end", direction: "forward" | "backward") => {
    const next = extendFocus(text, coding[edge], direction, "word");
    const span = { start: coding.start, end: coding.end, [edge]: next };
    if (span.start < span.end && next !== coding[edge]) onUpdate(coding.id, { [edge]: next });
  };
  return (
    <li className="rounded-md border border-stone-200 p-2" data-testid="coding-item">
      <div className="flex items-center gap-2">
        <span className="size-3 rounded-sm" style={{ backgroundColor: code?.colour }} />
        <span className="font-medium">{code?.name ?? "Deleted code"}</span>
      </div>
      <p className="mt-1 text-xs text-stone-500">
        {coding.coder.name} · {when.format(new Date(coding.updatedAt))}
      </p>
      <blockquote className="mt-1 line-clamp-3 border-l-2 border-stone-300 pl-2 font-serif text-stone-700">{sliceByCodePoints(text, coding.start, coding.end)}</blockquote>
      {editable ? (
        <div className="mt-2 space-y-2">
          <label className="block text-xs text-stone-600">
            Code
            <select value={coding.codeId} onChange={(e) => onUpdate(coding.id, { codeId: e.target.value })} className="mt-0.5 block w-full rounded border border-stone-300 px-1 py-0.5">
              {codeList.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </label>
          <div className="flex flex-wrap items-center gap-1 text-xs text-stone-600" role="group" aria-label="Boundaries">
            <span>Start</span>
            <button type="button" className="rounded border px-1" onClick={() => move("start", "backward")} aria-label="Start one word earlier">◀</button>
            <button type="button" className="rounded border px-1" onClick={() => move("start", "forward")} aria-label="Start one word later">▶</button>
            <span className="ml-2">End</span>
            <button type="button" className="rounded border px-1" onClick={() => move("end", "backward")} aria-label="End one word earlier">◀</button>
            <button type="button" className="rounded border px-1" onClick={() => move("end", "forward")} aria-label="End one word later">▶</button>
          </div>
          <label className="block text-xs text-stone-600">
            Memo
            <textarea value={memo} onChange={(e) => setMemo(e.target.value)} rows={2} className="mt-0.5 block w-full rounded border border-stone-300 px-1 py-0.5 text-sm" />
          </label>
          <div className="flex gap-2">
            <button type="button" disabled={memo === coding.memo} onClick={() => onUpdate(coding.id, { memo })}
              className="rounded bg-teal-800 px-2 py-0.5 text-white disabled:opacity-40">Save memo</button>
            <button type="button" onClick={() => onDelete(coding.id)} className="ml-auto rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50">
              Delete coding
            </button>
          </div>
        </div>
      ) : (
        coding.memo && <p className="mt-1 whitespace-pre-wrap text-stone-700">Memo: {coding.memo}</p>
      )}
      <CodingHistory codingId={coding.id} />
    </li>
  );
}
