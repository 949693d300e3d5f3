"use client";

import { useEffect, useState, type RefObject } from "react";
import type { Segment } from "@/lib/codings/spans/segments";
import { barColour, type CodeMark, type Pattern } from "./code-marks";
import { MarginLabels } from "./margin-labels";
import type { Code, Coding } from "./types";

/**
 * The bars beside the transcript, one per coding, in the lane lib/codings/spans/lanes.ts gave
 * it: drawn turn by turn, each turn drawing the part of a bar that lies beside it, placed
 * from where its coded text actually landed. A coding that runs on into the next turn reaches
 * the bottom of its turn, and the next turn's part starts at its top, so the bar looks whole.
 *
 * Per turn, and each turn once: a bar is placed relative to its own turn, so turns added below
 * (the transcript renders progressively) or growing above do not move it. Measuring every
 * coding of a long interview after every batch of turns, as the transcript once did, laid
 * the whole interview out again each time: about half a second on a 2-core machine.
 */

export const LANE_WIDTH = 8;
const BAR_WIDTH = 5;
/** The schema's default code colour, for a coding whose code is missing. */
export const FALLBACK_COLOUR = "#64748b";

/** The part of one coding's bar beside one turn, in that turn's segments. */
export type BarPiece = {
  id: string;
  codeId: string;
  lane: number;
  /** The code's colour as drawn: at least 3:1 against the page (code-marks.ts). */
  colour: string;
  pattern: Pattern;
  /** The label's background and text colours (4.5:1). */
  tint: string;
  text: string;
  /** Code and coder, in full. */
  label: string;
  /** The code's margin label. */
  short: string;
  memo: boolean;
  /** First and last of the turn's segments the coding covers. */
  first: number;
  last: number;
  /** The coding starts in an earlier turn / ends in a later one. */
  fromAbove: boolean;
  toBelow: boolean;
};

/**
 * The bar pieces of one turn, from its segments. `neighbours`: where the text of the turns
 * before and after this one ends and starts (text between turns, a speaker's label, is not
 * drawn, so a coding that starts there begins in this turn).
 */
export function barPieces(segments: Segment[], neighbours: { aboveEnd: number; belowStart: number }, codings: Map<string, Coding>, codes: Map<string, Code>, laneOf: Map<string, number>, marks: Map<string, CodeMark>): BarPiece[] {
  const pieces = new Map<string, BarPiece>();
  segments.forEach((segment, i) => {
    for (const id of segment.codingIds) {
      const piece = pieces.get(id);
      if (piece) {
        piece.last = i;
        continue;
      }
      const coding = codings.get(id)!;
      const code = codes.get(coding.codeId);
      const mark = marks.get(coding.codeId);
      pieces.set(id, {
        id,
        codeId: coding.codeId,
        lane: laneOf.get(id) ?? 0,
        colour: mark?.bar ?? barColour(code?.colour ?? FALLBACK_COLOUR),
        pattern: mark?.pattern ?? "solid",
        tint: mark?.tint ?? "#f1f5f9",
        text: mark?.text ?? "#111827",
        label: `${code?.name ?? "Code"} · ${coding.coder.name}`,
        short: mark?.label ?? code?.name ?? "Code",
        memo: coding.memo.trim() !== "",
        first: i,
        last: i,
        fromAbove: coding.start < neighbours.aboveEnd,
        toBelow: coding.end > neighbours.belowStart,
      });
    }
  });
  return [...pieces.values()];
}

export function samePieces(a: BarPiece[], b: BarPiece[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.id !== y.id || x.lane !== y.lane || x.colour !== y.colour || x.pattern !== y.pattern || x.label !== y.label || x.short !== y.short || x.memo !== y.memo || x.first !== y.first || x.last !== y.last || x.fromAbove !== y.fromAbove || x.toBelow !== y.toBelow) return false;
  }
  return true;
}

/**
 * The width of the transcript, once the browser has laid it out (0 before, and on the
 * server): a new width rewraps the text, so every turn measures its bars again.
 */
export function useLaidOutWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export type Placed = BarPiece & { top: number; height: number };

/**
 * One turn's bars, measured once the turn is laid out (after the browser's own layout, in a
 * passive effect, so measuring forces no extra layout) and again when its codings or the
 * width change. Nothing is measured while scrolling, which stays as cheap as the page allows.
 */
export function TurnBars({ section, text, pieces, width, onCodingsAt }: {
  section: RefObject<HTMLElement | null>;
  /** The element whose children are the turn's segments, one each, in order. */
  text: RefObject<HTMLElement | null>;
  pieces: BarPiece[];
  width: number;
  onCodingsAt: (codingIds: string[], rect: DOMRect) => void;
}) {
  const [bars, setBars] = useState<Placed[]>([]);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const box = section.current;
    const runs = text.current?.children;
    if (width === 0 || !box || !runs) return;
    const frame = box.getBoundingClientRect();
    setHeight(frame.height);
    setBars(
      pieces.map((piece) => {
        const firstRects = runs[piece.first]?.getClientRects();
        const lastRects = runs[piece.last]?.getClientRects();
        const top = piece.fromAbove || !firstRects?.length ? 0 : firstRects[0].top - frame.top;
        const bottom = piece.toBelow || !lastRects?.length ? frame.height : lastRects[lastRects.length - 1].bottom - frame.top;
        return { ...piece, top, height: Math.max(4, bottom - top) };
      }),
    );
  }, [width, pieces, section, text]);

  if (bars.length === 0) return null;
  return (
    <>
      <div aria-hidden className="absolute inset-y-0 left-[var(--labels)] select-none">
        {bars.map((bar) => {
          const [upper, lower] = [bar.fromAbove ? 0 : 2, bar.toBelow ? 0 : 2];
          return (
            <button
              key={bar.id}
              type="button"
              tabIndex={-1}
              title={bar.label}
              data-coding={bar.id}
              data-pattern={bar.pattern}
              onClick={(event) => onCodingsAt([bar.id], event.currentTarget.getBoundingClientRect())}
              className="absolute opacity-90 hover:opacity-100"
              // A border, not a fill, so the pattern (solid, dashed, dotted, double) tells codes apart without colour.
              style={{ left: bar.lane * LANE_WIDTH, top: bar.top, height: bar.height, width: BAR_WIDTH, borderLeft: `${BAR_WIDTH}px ${bar.pattern} ${bar.colour}`, borderRadius: `${upper}px ${upper}px ${lower}px ${lower}px` }}
            />
          );
        })}
      </div>
      <MarginLabels bars={bars} height={height} onCodingsAt={onCodingsAt} />
    </>
  );
}
