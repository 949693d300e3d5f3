"use client";

import { type RefObject, useMemo } from "react";
import { highlightStyle } from "@/lib/codings/spans/highlight";
import { segmentCodings } from "@/lib/codings/spans/segments";
import type { Span } from "@/lib/codings/spans/types";
import { codePointIndex } from "@/lib/transcripts/offsets";

/**
 * An excerpt of a transcript with one analyst's spans of one code drawn on it, as the
 * coding workspace draws them (lib/codings/spans/segments.ts, highlight.ts). Each run carries
 * data-start (its code point offset in the document), so a selection made here can be read
 * back as document offsets (components/coding/dom-selection.ts) for a new span.
 */
export function PassagePane({ label, excerpt, spans, colour, rootRef, testId }: {
  label: string;
  excerpt: { start: number; end: number; text: string; atEnd: boolean };
  spans: Span[];
  colour: string;
  rootRef?: RefObject<HTMLDivElement | null>;
  testId?: string;
}) {
  const runs = useMemo(() => {
    const index = codePointIndex(excerpt.text);
    const withIds = spans.map((s, i) => ({ id: String(i), start: Math.max(s.start, excerpt.start), end: Math.min(s.end, excerpt.end) })).filter((s) => s.start < s.end);
    return segmentCodings(excerpt.end, withIds, { start: excerpt.start, end: excerpt.end }).map((seg) => ({
      start: seg.start,
      coded: seg.codingIds.length > 0,
      text: excerpt.text.slice(index.toUtf16(seg.start - excerpt.start), index.toUtf16(seg.end - excerpt.start)),
    }));
  }, [excerpt, spans]);
  const style = highlightStyle([colour]);
  return (
    <figure className="min-w-0 flex-1">
      <figcaption className="mb-1 text-xs font-medium text-stone-600">{label}</figcaption>
      <div ref={rootRef} data-testid={testId} className="rounded border border-stone-200 bg-white p-3 font-serif text-[0.98rem] leading-relaxed whitespace-pre-wrap">
        {excerpt.start > 0 && <span aria-hidden className="select-none text-stone-600">… </span>}
        {runs.map((r) => (
          <span
            key={r.start}
            data-start={r.start}
            data-coded={r.coded ? "true" : undefined}
            style={r.coded ? { background: style.background, color: style.color, borderRadius: 2, boxShadow: `inset 0 -2px 0 ${colour}` } : undefined}
          >
            {r.text}
          </span>
        ))}
        {!excerpt.atEnd && <span aria-hidden className="select-none text-stone-600"> …</span>}
      </div>
      <p className="sr-only">{spans.length === 0 ? "Not coded here." : `Coded: ${runs.filter((r) => r.coded).map((r) => r.text).join(" … ")}`}</p>
    </figure>
  );
}
