import { segmentRanges, type Segment } from "@/lib/codings/spans/segments";
import { FALLBACK_COLOUR, barPieces, type BarPiece } from "./margin-bars";
import type { Code, Coding } from "./types";

/** A segment with the colours of the codes that cover it, which is what its highlight shows. */
export type PaintedSegment = Segment & { colours: string[] };

/** What one turn draws: its runs of text with their colours, and its parts of the margin bars. */
export type PaintedTurn = { segments: PaintedSegment[]; pieces: BarPiece[] };

// Turns worked out together: segmentRanges sorts the codings once per call.
const BLOCK = 50;

/**
 * Works out what each turn draws, a block of turns at a time and only when a turn is first
 * drawn: the server renders the first screen of a long interview and need not segment the
 * rest, and hydration in the browser does no more than the server did. One painter per set of
 * codings and codes; its turns keep their identity, so an unchanged turn is not drawn again.
 */
export class TurnPainter {
  private readonly turns: PaintedTurn[] = [];
  private readonly byId: Map<string, Coding>;

  constructor(
    private readonly textLength: number,
    private readonly codings: Coding[],
    private readonly codes: Map<string, Code>,
    private readonly laneOf: Map<string, number>,
    private readonly ranges: { start: number; end: number }[],
  ) {
    this.byId = new Map(codings.map((c) => [c.id, c]));
  }

  turn(index: number): PaintedTurn {
    if (!this.turns[index]) this.paint(index - (index % BLOCK));
    return this.turns[index];
  }

  private neighbours(index: number) {
    return { aboveEnd: this.ranges[index - 1]?.end ?? -1, belowStart: this.ranges[index + 1]?.start ?? Infinity };
  }

  private paint(from: number) {
    const ranges = this.ranges.slice(from, from + BLOCK);
    segmentRanges(this.textLength, this.codings, ranges).forEach((segments, k) => {
      this.turns[from + k] = {
        segments: segments.map((s) => ({ ...s, colours: s.codingIds.map((id) => this.codes.get(this.byId.get(id)!.codeId)?.colour ?? FALLBACK_COLOUR) })),
        pieces: barPieces(segments, this.neighbours(from + k), this.byId, this.codes, this.laneOf),
      };
    });
  }
}
