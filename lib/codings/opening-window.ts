/**
 * The part of a transcript its page sends and draws first: a couple of screens of turns, from
 * the start or around the passage a link points at. The rest of a long interview (its text,
 * turns and codings, and the whole codebook) is fetched once the page is up
 * (app/api/projects/[projectId]/documents/[documentId]/workspace). Sending and rendering the
 * whole of a 50,000-word interview with its 2,000 codings kept the first paint waiting for the
 * last page.
 *
 * Counted in characters, not turns, so that a few long answers do not make the window long;
 * a turn counts at least as a line's worth, so that a run of one-line exchanges still fills
 * the screen. Offsets in code points, as everywhere.
 */
export const OPENING_CHARACTERS = 5000;
const LINE_CHARACTERS = 100;
/** Turns drawn above a focused passage, so it does not sit at the very top of what is drawn. */
const TURNS_BEFORE_FOCUS = 2;

export type Span = { start: number; end: number };
/** Turns [firstTurn, lastTurn) and the text they cover, [start, end). */
export type OpeningWindow = { firstTurn: number; lastTurn: number; start: number; end: number };

export function openingWindow(turns: readonly Span[], textLength: number, focus: Span | null): OpeningWindow {
  if (turns.length === 0) return { firstTurn: 0, lastTurn: 0, start: 0, end: textLength };
  const at = focus ? turns.findIndex((t) => t.end > focus.start) : 0;
  const firstTurn = at < 0 ? Math.max(0, turns.length - 1 - TURNS_BEFORE_FOCUS) : Math.max(0, at - TURNS_BEFORE_FOCUS);
  let lastTurn = firstTurn;
  let characters = 0;
  // Enough turns to fill the screens, and at least every turn the focused passage touches.
  while (lastTurn < turns.length && (characters < OPENING_CHARACTERS || (focus !== null && turns[lastTurn].start < focus.end))) {
    characters += Math.max(LINE_CHARACTERS, turns[lastTurn].end - turns[lastTurn].start);
    lastTurn++;
  }
  // The window's text runs from its first turn's start to the next turn's start (or the end),
  // so the text between turns belongs to exactly one window.
  const start = firstTurn === 0 ? 0 : turns[firstTurn].start;
  const end = lastTurn >= turns.length ? textLength : turns[lastTurn].start;
  return { firstTurn, lastTurn, start, end };
}

/** Whether a span touches the window's text (a coding that crosses its edges is drawn, cut by the turns). */
export function overlapsWindow(span: Span, window: Pick<OpeningWindow, "start" | "end">): boolean {
  return span.start < window.end && span.end > window.start;
}
