"use client";

import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { assignLanes } from "@/lib/codings/spans/lanes";
import { highlightStyle } from "@/lib/codings/spans/highlight";
import { segmentRanges, type Segment } from "@/lib/codings/spans/segments";
import { codePointIndex } from "@/lib/transcripts/offsets";
import type { Code, Coding, Turn } from "./types";

/** What the workspace may ask of the transcript: render every turn now (before a jump). */
export type TranscriptControl = { renderAll: () => Promise<void> };

type Props = {
  text: string;
  /** How many turns the first render (server and hydration) draws; the rest follow in steps. */
  initialTurns: number;
  controlRef: RefObject<TranscriptControl | null>;
  textLength: number;
  turns: Turn[];
  codings: Coding[];
  codes: Map<string, Code>;
  rootRef: RefObject<HTMLDivElement | null>;
  onCodingsAt: (codingIds: string[], rect: DOMRect) => void;
  keyboardHint: string;
};

const LANE_WIDTH = 7;
// Turns added per step after the first paint: small enough that each step stays well under a
// frame budget's worth of blocking, large enough that a long interview completes in ~1 s.
const TURNS_PER_STEP = 150;
const PAGE = "#ffffff";

/**
 * The transcript: speaker turns with every visible coding drawn as a highlight (overlaps as
 * stripes, lib/codings/spans/highlight.ts) and as a bar in the margin, one lane per level of
 * overlap. Each run of text is a <span data-start> whose text is exactly the document text
 * from that code point on: the contract lib/codings/spans/selection.ts relies on to turn a
 * browser selection into stored offsets.
 */
export function Transcript({ text, initialTurns, controlRef, textLength, turns, codings, codes, rootRef, onCodingsAt, keyboardHint }: Props) {
  const ranges = useMemo(() => (turns.length > 0 ? turns.map((t) => ({ start: t.start, end: t.end })) : [{ start: 0, end: textLength }]), [turns, textLength]);
  const index = useMemo(() => codePointIndex(text), [text]);
  const perTurn = useMemo(() => segmentRanges(textLength, codings, ranges), [textLength, codings, ranges]);
  const colourOf = useMemo(() => {
    const byId = new Map(codings.map((c) => [c.id, codes.get(c.codeId)?.colour ?? "#64748b"]));
    return (ids: string[]) => ids.map((id) => byId.get(id)!);
  }, [codings, codes]);
  const lanes = useMemo(() => assignLanes(codings), [codings]);
  const gutter = Math.max(1, lanes.laneCount) * LANE_WIDTH + 8;
  // Marks the transcript interactive once React has hydrated it (tests and users alike
  // should not select text before the handlers are attached).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // Progressive rendering: a long interview paints its first turns at once, and the rest
  // are added in steps after hydration, so the first screen does not wait for the last page.
  const [rendered, setRendered] = useState(Math.min(initialTurns, ranges.length));
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (rendered >= ranges.length) {
      waiting.current.splice(0).forEach((resolve) => resolve());
      return;
    }
    const timer = setTimeout(() => setRendered((n) => Math.min(ranges.length, n + TURNS_PER_STEP)), 0);
    return () => clearTimeout(timer);
  }, [rendered, ranges.length]);
  useEffect(() => {
    controlRef.current = {
      renderAll: () =>
        new Promise<void>((resolve) => {
          if (rendered >= ranges.length) return resolve();
          waiting.current.push(resolve);
          setRendered(ranges.length);
        }),
    };
  }, [controlRef, rendered, ranges.length]);
  const renderedEnd = rendered >= ranges.length ? textLength : ranges[rendered - 1]?.end ?? 0;

  return (
    <div className="relative" style={{ paddingLeft: gutter }}>
      <div
        ref={rootRef}
        tabIndex={0}
        role="document"
        aria-label={`Transcript. ${keyboardHint}`}
        data-testid="transcript"
        data-ready={ready ? "true" : undefined}
        className="space-y-4 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-teal-700/40"
      >
        {ranges.slice(0, rendered).map((range, i) => (
          <TurnView
            key={range.start}
            turn={turns[i]}
            segments={perTurn[i]}
            slice={(s: Segment) => text.slice(index.toUtf16(s.start), index.toUtf16(s.end))}
            colourOf={colourOf}
            onCodingsAt={onCodingsAt}
          />
        ))}
      </div>
      {/* After the text, so its ref is attached when the bars measure it. */}
      <MarginBars rootRef={rootRef} codings={codings} codes={codes} lanes={lanes.laneOf} renderedEnd={renderedEnd} onCodingsAt={onCodingsAt} />
    </div>
  );
}

type TurnProps = {
  turn: Turn | undefined;
  segments: Segment[];
  slice: (s: Segment) => string;
  colourOf: (ids: string[]) => string[];
  onCodingsAt: (codingIds: string[], rect: DOMRect) => void;
};

const TurnView = memo(
  function TurnView({ turn, segments, slice, colourOf, onCodingsAt }: TurnProps) {
    return (
      <section className="grid grid-cols-[8.5rem_1fr] gap-4">
        <div className="select-none pt-0.5 text-right text-sm" aria-hidden={!turn}>
          {turn && (
            <>
              <div className={turn.role === "interviewer" ? "text-stone-500" : "font-medium text-teal-900"}>{turn.speaker}</div>
              {turn.timestampMs !== null && <div className="text-xs text-stone-400">{formatTimestamp(turn.timestampMs)}</div>}
            </>
          )}
        </div>
        <p className="whitespace-pre-wrap font-serif text-[1.05rem] leading-[1.85]">
          {segments.map((s) => {
            const coded = s.codingIds.length > 0;
            const style = coded ? highlightStyle(colourOf(s.codingIds), { page: PAGE }) : undefined;
            return (
              <span
                key={s.start}
                data-start={s.start}
                data-codings={coded ? s.codingIds.join(" ") : undefined}
                style={style ? { background: style.background, color: style.color, borderRadius: 2 } : undefined}
                className={coded ? "cursor-pointer" : undefined}
                onClick={
                  coded
                    ? (event) => {
                        if (!window.getSelection()?.isCollapsed) return;
                        onCodingsAt(s.codingIds, (event.currentTarget as HTMLElement).getBoundingClientRect());
                      }
                    : undefined
                }
              >
                {slice(s)}
              </span>
            );
          })}
        </p>
      </section>
    );
  },
  (a, b) => a.turn === b.turn && a.colourOf === b.colourOf && sameSegments(a.segments, b.segments) && a.onCodingsAt === b.onCodingsAt,
);

function sameSegments(a: Segment[], b: Segment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].codingIds.join() !== b[i].codingIds.join()) return false;
  }
  return true;
}

type Bar = { id: string; lane: number; top: number; height: number; colour: string; label: string };

/** Bars beside the text, placed after layout from where the coded text actually landed. */
function MarginBars({ rootRef, codings, codes, lanes, renderedEnd, onCodingsAt }: {
  rootRef: RefObject<HTMLDivElement | null>;
  renderedEnd: number;
  codings: Coding[];
  codes: Map<string, Code>;
  lanes: Map<string, number>;
  onCodingsAt: (codingIds: string[], rect: DOMRect) => void;
}) {
  const [bars, setBars] = useState<Bar[]>([]);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const measure = () => {
      const origin = root.getBoundingClientRect().top;
      const elements = [...root.querySelectorAll<HTMLElement>("[data-start]")];
      const starts = elements.map((el) => Number(el.dataset.start));
      const find = (offset: number) => {
        let lo = 0;
        let hi = starts.length - 1;
        let best = 0;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (starts[mid] <= offset) {
            best = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        return elements[best];
      };
      const next: Bar[] = [];
      for (const coding of codings) {
        if (coding.start >= renderedEnd) continue; // its turn is not drawn yet
        const first = find(coding.start);
        const last = find(coding.end - 1);
        if (!first || !last) continue;
        const top = first.getClientRects()[0]?.top ?? first.getBoundingClientRect().top;
        const lastRects = last.getClientRects();
        const bottom = lastRects[lastRects.length - 1]?.bottom ?? last.getBoundingClientRect().bottom;
        const code = codes.get(coding.codeId);
        next.push({
          id: coding.id,
          lane: lanes.get(coding.id) ?? 0,
          top: top - origin,
          height: Math.max(4, bottom - top),
          colour: code?.colour ?? "#64748b",
          label: `${code?.name ?? "Code"} · ${coding.coder.name}`,
        });
      }
      setBars(next);
      setWidth(root.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(() => {
      if (root.clientWidth !== width) measure();
    });
    observer.observe(root);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [codings, codes, lanes, rootRef, renderedEnd]);

  return (
    <div aria-hidden className="absolute left-0 top-0 h-full" data-testid="margin">
      {bars.map((bar) => (
        <button
          key={bar.id}
          type="button"
          tabIndex={-1}
          title={bar.label}
          data-coding={bar.id}
          onClick={(event) => onCodingsAt([bar.id], event.currentTarget.getBoundingClientRect())}
          className="absolute w-1 rounded-full opacity-80 hover:opacity-100"
          style={{ left: bar.lane * LANE_WIDTH, top: bar.top, height: bar.height, backgroundColor: bar.colour }}
        />
      ))}
    </div>
  );
}

function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60].map((n) => String(n).padStart(2, "0")).join(":");
}
