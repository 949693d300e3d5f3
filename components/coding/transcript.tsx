"use client";

import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from "react";
import { highlightStyle } from "@/lib/codings/spans/highlight";
import { assignLanes } from "@/lib/codings/spans/lanes";
import { codePointIndex } from "@/lib/transcripts/offsets";
import { CodeLegend } from "./code-legend";
import { codeMarks } from "./code-marks";
import { LANE_WIDTH, TurnBars, samePieces, useLaidOutWidth, type BarPiece } from "./margin-bars";
import { PASSAGE_TIP_ID, PassageTip, describeCodings, tipPlace, type Tip } from "./passage-tip";
import { TurnPainter, type PaintedSegment } from "./turn-painter";
import type { Code, Coding, Turn } from "./types";

/**
 * What the workspace may ask of the transcript: render every turn now (before a jump); show the
 * keyboard caret (a collapsed range) and name the codings at a code point after a caret move.
 */
export type TranscriptControl = { renderAll: () => Promise<void>; caretMoved: (at: number, caret: Range | null) => void };

type Props = {
  /** The text drawn from: the whole document's, or (until the rest arrives) the opening window's. */
  text: string;
  /** The code point of the document at which `text` starts. */
  textStart: number;
  /** Whether the whole workspace is there: only then is the transcript ready to select in. */
  loaded: boolean;
  /** How many turns are drawn at once (at least); the rest follow in steps. */
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

// Turns added per step after hydration. Each step is rendered as a transition, so React
// yields to input (a click, a scroll) while it renders. Smaller steps made each step's
// unsplittable part (adding the turns to the page, laying them out) shorter, but cost ~10%
// more in all: one more layout and paint per step.
const TURNS_PER_STEP = 150;
const PAGE = "#ffffff";

/**
 * The transcript: speaker turns with every visible coding drawn as a highlight (overlaps as
 * stripes, lib/codings/spans/highlight.ts) and as a bar in the margin, one lane per level of
 * overlap (margin-bars.tsx). Each run of text is a <span data-start> whose text is exactly the
 * document text from that code point on: the contract lib/codings/spans/selection.ts relies on
 * to turn a browser selection into stored offsets.
 */
export function Transcript({ text, textStart, loaded, initialTurns, controlRef, textLength, turns, codings, codes, rootRef, onCodingsAt, keyboardHint }: Props) {
  const ranges = useMemo(() => (turns.length > 0 ? turns.map((t) => ({ start: t.start, end: t.end })) : [{ start: 0, end: textLength }]), [turns, textLength]);
  const slice = useMemo(() => textSlicer(text, textStart), [text, textStart]);
  const lanes = useMemo(() => assignLanes(codings), [codings]);
  // The codes in view, most used first: their labels, patterns and colours (code-marks.ts).
  const legend = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of codings) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
    const inView = [...counts].sort((a, b) => b[1] - a[1]).map(([id, count]) => ({ id, name: codes.get(id)?.name ?? "Deleted code", colour: codes.get(id)?.colour ?? "#64748b", count }));
    const marks = codeMarks(inView, codings);
    return { marks, entries: inView.map((c) => ({ ...c, mark: marks.get(c.id)! })) };
  }, [codings, codes]);
  const painter = useMemo(() => new TurnPainter(textLength, codings, codes, lanes.laneOf, legend.marks, ranges), [textLength, codings, codes, lanes, legend, ranges]);
  const gutter = Math.max(1, lanes.laneCount) * LANE_WIDTH + 8;
  const byId = useMemo(() => new Map(codings.map((c) => [c.id, c])), [codings]);
  const [tip, setTip] = useState<Tip | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [caretBox, setCaretBox] = useState<{ top: number; left: number; height: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const frameRef = useRef<HTMLDivElement>(null);
  // The pointer over a highlight names its codes and coders (one listener for the whole transcript).
  const hovered = useRef<HTMLElement | null>(null);
  const onPointerOver = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const span = (event.target as HTMLElement).closest<HTMLElement>("[data-codings]");
      if (span === hovered.current) return;
      hovered.current = span;
      if (!span) return setTip(null);
      const list = span.dataset.codings!.split(" ").flatMap((id) => byId.get(id) ?? []);
      setTip(list.length > 0 ? { text: describeCodings(list, codes), ...tipPlace(span.getBoundingClientRect()) } : null);
    },
    [byId, codes],
  );
  const width = useLaidOutWidth(rootRef);
  // Marks the transcript interactive once React has hydrated it (tests and users alike
  // should not select text before the handlers are attached).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // Progressive rendering: a long interview paints its first turns at once, and the rest
  // are added in steps after hydration, so the first screen does not wait for the last page.
  const [rendered, setRendered] = useState(Math.min(initialTurns, ranges.length));
  // The rest of the transcript arriving asks for at least the turns already on screen (the
  // window's), which sit further down the whole list when the window was around a passage.
  if (rendered < Math.min(initialTurns, ranges.length)) setRendered(Math.min(initialTurns, ranges.length));
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (rendered >= ranges.length) {
      waiting.current.splice(0).forEach((resolve) => resolve());
      return;
    }
    const timer = setTimeout(() => startTransition(() => setRendered((n) => Math.min(ranges.length, n + TURNS_PER_STEP))), 0);
    return () => clearTimeout(timer);
  }, [rendered, ranges.length]);
  useEffect(() => {
    controlRef.current = {
      caretMoved: (at, caret) => {
        const frame = frameRef.current?.getBoundingClientRect();
        const box = caret?.getClientRects()[0] ?? caret?.getBoundingClientRect();
        setCaretBox(frame && box && box.height > 0 ? { top: box.top - frame.top, left: box.left - frame.left, height: box.height } : null);
        const here = codings.filter((c) => c.start <= at && at < c.end);
        const text = here.length > 0 ? `Coded: ${describeCodings(here, codes)}` : "";
        setAnnouncement(text);
        const el = caret ? caret.startContainer.parentElement : null;
        setTip(text && el ? { text, ...tipPlace(box ?? el.getBoundingClientRect()) } : null);
      },
      renderAll: () =>
        new Promise<void>((resolve) => {
          if (rendered >= ranges.length) return resolve();
          waiting.current.push(resolve);
          setRendered(ranges.length);
        }),
    };
  }, [controlRef, rendered, ranges.length, codings, codes]);

  return (
    <>
    <CodeLegend entries={legend.entries} />
    <div ref={frameRef} className="relative">
    <div
      ref={rootRef}
      tabIndex={0}
      role="document"
      aria-label={`Transcript. ${keyboardHint}`}
      aria-describedby={tip ? PASSAGE_TIP_ID : undefined}
      data-testid="transcript"
      data-ready={ready && loaded ? "true" : undefined}
      onMouseOver={onPointerOver}
      onMouseLeave={() => { hovered.current = null; setTip(null); }}
      onFocus={() => setFocused(true)}
      onBlur={(event) => { if (!event.currentTarget.contains(event.relatedTarget as Node | null)) { setFocused(false); setTip(null); } }}
      className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-teal-700/40"
    >
      {ranges.slice(0, rendered).map((range, i) => {
        const { segments, pieces } = painter.turn(i);
        return <TurnView key={range.start} turn={turns[i]} segments={segments} pieces={pieces} gutter={gutter} width={width} first={i === 0} slice={slice} onCodingsAt={onCodingsAt} />;
      })}
    </div>
    {/* The keyboard caret: a browser draws none in text that is not editable. */}
    {focused && caretBox && (
      <span aria-hidden data-testid="keyboard-caret" className="pointer-events-none absolute w-[2px] bg-black shadow-[0_0_0_1px_#fff]" style={{ top: caretBox.top, left: caretBox.left - 1, height: caretBox.height }} />
    )}
    </div>
    <PassageTip tip={tip} announcement={announcement} />
    </>
  );
}

/**
 * Cuts the document text between two code point offsets, from `text`, which holds the document
 * from code point `from` on. Code points and UTF-16 units coincide unless the text holds a
 * character outside the Basic Multilingual Plane (an emoji), which nearly no interview does:
 * then no index is built, only a scan for surrogates (under a millisecond for 50,000 words).
 */
function textSlicer(text: string, from: number): (start: number, end: number) => string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = (text.charCodeAt(i) & 0xf800) !== 0xd800;
  if (ascii) return (start, end) => text.slice(start - from, end - from);
  const index = codePointIndex(text);
  return (start, end) => text.slice(index.toUtf16(start - from), index.toUtf16(end - from));
}

// Element Timing (PerformanceElementTiming) reports when the first turn's text is painted:
// what scripts/bench/coding.ts measures as "transcript text visible".
const FIRST_TEXT_TIMING = { elementtiming: "transcript-text" } as Record<string, string>;

type TurnProps = {
  turn: Turn | undefined;
  segments: PaintedSegment[];
  pieces: BarPiece[];
  gutter: number;
  width: number;
  first: boolean;
  slice: (start: number, end: number) => string;
  onCodingsAt: (codingIds: string[], rect: DOMRect) => void;
};

const TurnView = memo(
  function TurnView({ turn, segments, pieces, gutter, width, first, slice, onCodingsAt }: TurnProps) {
    const sectionRef = useRef<HTMLElement>(null);
    const textRef = useRef<HTMLParagraphElement>(null);
    const openCodings = useCallback(
      (event: MouseEvent<HTMLElement>) => {
        const ids = event.currentTarget.dataset.codings;
        if (!ids || !window.getSelection()?.isCollapsed) return;
        onCodingsAt(ids.split(" "), event.currentTarget.getBoundingClientRect());
      },
      [onCodingsAt],
    );
    return (
      // --labels: the width of the margin labels' column (none on a phone, where the speaker goes above the text).
      <section ref={sectionRef} className="relative grid grid-cols-1 gap-x-4 pb-4 [--labels:0px] sm:grid-cols-[8.5rem_1fr] sm:[--labels:6.5rem]" style={{ paddingLeft: `calc(var(--labels) + ${gutter}px)` }}>
        <TurnBars section={sectionRef} text={textRef} pieces={pieces} width={width} onCodingsAt={onCodingsAt} />
        <div className="select-none pt-0.5 text-sm sm:text-right" aria-hidden={!turn}>
          {turn && (
            <>
              <div className={turn.role === "interviewer" ? "text-stone-500" : "font-medium text-teal-900"}>{turn.speaker}</div>
              {turn.timestampMs !== null && <div className="text-xs text-stone-600">{formatTimestamp(turn.timestampMs)}</div>}
            </>
          )}
        </div>
        <p ref={textRef} className="whitespace-pre-wrap font-serif text-[1.05rem] leading-[1.85]" {...(first ? FIRST_TEXT_TIMING : {})}>
          {segments.map((s) => {
            const coded = s.codingIds.length > 0;
            const style = coded ? highlightStyle(s.colours, { page: PAGE }) : undefined;
            return (
              <span
                key={s.start}
                data-start={s.start}
                data-codings={coded ? s.codingIds.join(" ") : undefined}
                style={style ? { background: style.background, color: style.color, borderRadius: 2, ...lineStyle(s.lines) } : undefined}
                className={coded ? "cursor-pointer" : undefined}
                onClick={coded ? openCodings : undefined}
              >
                {slice(s.start, s.end)}
              </span>
            );
          })}
        </p>
      </section>
    );
  },
  (a, b) =>
    a.turn === b.turn &&
    a.gutter === b.gutter &&
    a.width === b.width &&
    a.first === b.first &&
    a.slice === b.slice &&
    a.onCodingsAt === b.onCodingsAt &&
    (a.segments === b.segments || sameSegments(a.segments, b.segments)) &&
    (a.pieces === b.pieces || samePieces(a.pieces, b.pieces)),
);

function sameSegments(a: PaintedSegment[], b: PaintedSegment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.start !== y.start || x.end !== y.end || x.codingIds.length !== y.codingIds.length || x.lines.join() !== y.lines.join()) return false;
    for (let j = 0; j < x.codingIds.length; j++) if (x.codingIds[j] !== y.codingIds[j] || x.colours[j] !== y.colours[j]) return false;
  }
  return true;
}

// The first code's pattern as the underline, the second's as a line below it.
function lineStyle(lines: string[]) {
  const [first, second] = lines.map((line) => line.split(" ") as [string, string]);
  return {
    ...(first && { textDecorationLine: "underline", textDecorationStyle: first[0] as "solid", textDecorationColor: first[1], textDecorationThickness: 2, textUnderlineOffset: 3 }),
    ...(second && { borderBottom: `3px ${second[0]} ${second[1]}` }),
  };
}

function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60].map((n) => String(n).padStart(2, "0")).join(":");
}
