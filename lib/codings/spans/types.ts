/**
 * The shapes the span logic works on. Every offset is a Unicode code point offset into the
 * document's normalized text (see lib/transcripts/offsets.ts), spans are half-open
 * [start, end), and two spans overlap only when they share a character: [0, 5) and [5, 9)
 * touch but do not overlap, as in REFI-QDA and in the database's span checks.
 */

export type Span = { start: number; end: number };

/** What rendering needs of a coding: its bounds and an id unique within the document. */
export type SpanWithId = Span & { id: string };

/** A coding as the workspace shows it: one analyst's code on a span. */
export type CodingSpan = SpanWithId & { codeId: string; coderId: string };

export type Direction = "forward" | "backward";
