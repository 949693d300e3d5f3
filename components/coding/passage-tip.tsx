"use client";

import type { Code, Coding } from "./types";

export const PASSAGE_TIP_ID = "passage-tip";

/** "Cost versus value: Ana Analyst, Ben Analyst · Trust: Ana Analyst", the codes in the order given. */
export function describeCodings(codings: readonly Coding[], codes: Map<string, Code>): string {
  const byCode = new Map<string, Set<string>>();
  for (const coding of codings) {
    const name = codes.get(coding.codeId)?.name ?? "Deleted code";
    byCode.set(name, (byCode.get(name) ?? new Set()).add(coding.coder.name));
  }
  return [...byCode].map(([name, coders]) => `${name}: ${[...coders].join(", ")}`).join(" · ");
}

export type Tip = { text: string; top: number; left: number };

/**
 * The names of the codes and coders of the passage under the pointer or the keyboard caret,
 * beside it. The transcript points at it with aria-describedby; a caret move also announces it
 * (the live region), since a description is read only when focus arrives.
 */
export function PassageTip({ tip, announcement }: { tip: Tip | null; announcement: string }) {
  return (
    <>
      {tip && (
        <div
          id={PASSAGE_TIP_ID}
          role="tooltip"
          data-testid="passage-tip"
          className="pointer-events-none fixed z-30 max-w-xs rounded border border-stone-700 bg-stone-900 px-2 py-1 text-xs text-white shadow"
          style={{ top: tip.top, left: tip.left }}
        >
          {tip.text}
        </div>
      )}
      <p className="sr-only" aria-live="polite">{announcement}</p>
    </>
  );
}

/** Where a tip goes for a passage's box: below it, kept on screen. */
export function tipPlace(rect: { bottom: number; left: number }): { top: number; left: number } {
  return { top: Math.min(rect.bottom + 6, window.innerHeight - 40), left: Math.max(4, Math.min(rect.left, window.innerWidth - 324)) };
}
