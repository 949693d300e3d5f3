import { segmentRanges, type Segment } from "@/lib/codings/spans/segments";
import { otherPattern, type CodeMark } from "./code-marks";
import { FALLBACK_COLOUR, barPieces, type BarPiece } from "./margin-bars";
import type { Code, Coding } from "./types";

/**
 * A segment with the colours of the codes that cover it, which is what its highlight shows, and
 * the lines under it: the first two codes' patterns in their bar colours ("dashed #1d4ed8"),
 * so that two codes over one passage differ in the text without colour too.
 */
export type PaintedSegment = Segment & { colours: string[]; lines: string[] };

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
    private readonly marks: Map<string, CodeMark>,
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
        segments: segments.map((s) => ({ ...s, colours: s.codingIds.map((id) => this.codes.get(this.byId.get(id)!.codeId)?.colour ?? FALLBACK_COLOUR), lines: this.lines(s.codingIds) })),
        pieces: barPieces(segments, this.neighbours(from + k), this.byId, this.codes, this.laneOf, this.marks),
      };
    });
  }

  // The codes under a segment, outermost first (by lane), each once, up to two, in different styles.
  private lines(codingIds: string[]): string[] {
    const codeIds = [...codingIds].sort((a, b) => (this.laneOf.get(a) ?? 0) - (this.laneOf.get(b) ?? 0)).map((id) => this.byId.get(id)!.codeId);
    const [first, second] = [...new Set(codeIds)].slice(0, 2).map((codeId) => this.marks.get(codeId) ?? { pattern: "solid" as const, bar: FALLBACK_COLOUR });
    if (!first) return [];
    if (!second) return [`${first.pattern} ${first.bar}`];
    return [`${first.pattern} ${first.bar}`, `${second.pattern === first.pattern ? otherPattern(first.pattern) : second.pattern} ${second.bar}`];
  }
}
