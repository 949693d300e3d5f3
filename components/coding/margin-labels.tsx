"use client";

import type { Placed } from "./margin-bars";

/** Height of one label row, in px: labels of one turn are stacked this far apart at least. */
export const LABEL_HEIGHT = 20;

export type LabelEntry = {
  key: string;
  /** The code's short label, or "+N" for the labels that did not fit. */
  short: string;
  /** Each code and coder in full: the label's hover text. */
  names: string[];
  codingIds: string[];
  memoIds: string[];
  colour: string;
  pattern: Placed["pattern"];
  tint: string;
  text: string;
  y: number;
};

/**
 * The labels of one turn: one per code where its codings start in the turn (two analysts' codings
 * of one code on one passage share it), beside the start of its bar, pushed down so that none
 * covers another. Those that would run past the turn fold into one "+N" label naming them all.
 */
export function stackLabels(bars: readonly Placed[], height: number): LabelEntry[] {
  const groups = new Map<string, LabelEntry & { top: number; lane: number }>();
  for (const bar of bars) {
    if (bar.fromAbove) continue;
    const key = `${bar.codeId}:${Math.round(bar.top)}`;
    const group = groups.get(key);
    if (group) {
      group.names.push(bar.label);
      group.codingIds.push(bar.id);
      if (bar.memo) group.memoIds.push(bar.id);
      group.lane = Math.min(group.lane, bar.lane);
      continue;
    }
    groups.set(key, { key, short: bar.short, names: [bar.label], codingIds: [bar.id], memoIds: bar.memo ? [bar.id] : [], colour: bar.colour, pattern: bar.pattern, tint: bar.tint, text: bar.text, y: 0, top: bar.top, lane: bar.lane });
  }
  const sorted = [...groups.values()].sort((a, b) => a.top - b.top || a.lane - b.lane);
  const placed: LabelEntry[] = [];
  let next = 0;
  for (const { top, lane: _lane, ...entry } of sorted) {
    const y = Math.max(top, next);
    placed.push({ ...entry, y });
    next = y + LABEL_HEIGHT;
  }
  if (next <= height) return placed;
  const folded: LabelEntry[] = [];
  while (placed.length > 0 && placed[placed.length - 1].y + 2 * LABEL_HEIGHT > height) folded.unshift(placed.pop()!);
  const y = placed.length > 0 ? placed[placed.length - 1].y + LABEL_HEIGHT : Math.max(0, Math.min(folded[0].y, height - LABEL_HEIGHT));
  placed.push({
    key: "more",
    short: `+${folded.length}`,
    names: folded.flatMap((f) => f.names),
    codingIds: folded.flatMap((f) => f.codingIds),
    memoIds: folded.flatMap((f) => f.memoIds),
    colour: "#475569",
    pattern: "solid",
    tint: "#f1f5f9",
    text: "#111827",
    y,
  });
  return placed;
}

/**
 * The column of labels left of the bars (hidden on a phone, where the legend and a tap on the
 * text name the codes). A label is for the eye and the mouse; the memo marker beside it is a
 * button, in the tab order, that opens the coding with its memo.
 */
export function MarginLabels({ bars, height, onCodingsAt }: { bars: Placed[]; height: number; onCodingsAt: (codingIds: string[], rect: DOMRect) => void }) {
  const entries = stackLabels(bars, height);
  if (entries.length === 0) return null;
  return (
    <div className="absolute inset-y-0 left-0 hidden w-[var(--labels)] sm:block" data-testid="margin-labels">
      {entries.map((entry) => (
        <div key={entry.key} className="absolute right-1 flex max-w-full items-center justify-end gap-0.5" style={{ top: entry.y, height: LABEL_HEIGHT - 2 }}>
          {entry.memoIds.length > 0 && (
            <button
              type="button"
              data-testid="memo-marker"
              aria-label={`Memo on ${entry.names.join("; ")}`}
              title={`Memo on ${entry.names.join("; ")}`}
              onClick={(event) => onCodingsAt(entry.memoIds, event.currentTarget.getBoundingClientRect())}
              className="flex size-[18px] shrink-0 items-center justify-center rounded-sm border border-stone-500 bg-white text-[11px] leading-none text-stone-900 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-800"
            >
              <span aria-hidden>✎</span>
            </button>
          )}
          <span
            aria-hidden
            data-testid="margin-label"
            data-pattern={entry.pattern}
            title={entry.names.join("\n")}
            onClick={(event) => onCodingsAt(entry.codingIds, event.currentTarget.getBoundingClientRect())}
            className="cursor-pointer truncate rounded-sm px-1 text-[11px] leading-[16px]"
            style={{ backgroundColor: entry.tint, color: entry.text, borderLeft: `4px ${entry.pattern} ${entry.colour}` }}
          >
            {entry.short}
          </span>
        </div>
      ))}
    </div>
  );
}
