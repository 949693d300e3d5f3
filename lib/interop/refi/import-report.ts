import { describeConvention } from "../positions";
import { describeDecision, type FileConvention } from "./import-positions";
import type { PlacedSelection } from "./placement";
import type { AmbiguousCoding, PositionReport } from "./plan-types";

/** Enough to check a reading by eye, few enough to read. */
const SAMPLE_SIZE = 6;
/** A hostile file could make every coding ambiguous; the summary lists this many and counts the rest. */
export const MAX_AMBIGUOUS_LISTED = 500;
const QUOTE_LENGTH = 160;

/**
 * Collects, while the selections are placed, what the summary shows about positions: the
 * decision and why, sources that kept their own reading, and, when the evidence was weak,
 * a sample of placed passages (spread over the sources) and every coding whose text the
 * runner-up reading would change, with both texts.
 */
export class PositionReporter {
  private readonly ambiguous: AmbiguousCoding[] = [];
  private ambiguousTotal = 0;
  private readonly overrides: PositionReport["overrides"] = [];
  private readonly candidates = new Map<string, PositionReport["sample"]>();

  constructor(
    private readonly decision: FileConvention,
    private readonly sourceCount: number,
    private readonly userName: (key: string) => string,
  ) {}

  override(source: string, convention: string): void {
    this.overrides.push({ source, convention });
  }

  placed(source: string, codes: string, coderKeys: string[], placed: PlacedSelection): void {
    if (placed.alternative !== undefined) {
      this.ambiguousTotal++;
      if (this.ambiguous.length < MAX_AMBIGUOUS_LISTED) {
        this.ambiguous.push({
          source,
          codes,
          coders: coderKeys.map(this.userName).join(", "),
          start: placed.start,
          end: placed.end,
          chosen: cut(placed.quote),
          alternative: placed.alternative === null ? null : cut(placed.alternative),
        });
      }
    }
    const list = this.candidates.get(source) ?? this.candidates.set(source, []).get(source)!;
    if (list.length < SAMPLE_SIZE) list.push({ source, codes, quote: cut(placed.quote) });
  }

  report(): PositionReport {
    const weak = this.decision.strength === "weak";
    return {
      convention: describeConvention(this.decision.convention),
      strength: this.decision.strength,
      basis: this.decision.basis,
      explanation: describeDecision(this.decision, this.sourceCount),
      alternative: this.decision.runnerUp && describeConvention(this.decision.runnerUp),
      overrides: this.overrides,
      sample: weak ? this.sample() : [],
      ambiguous: weak ? this.ambiguous : [],
      ambiguousTotal: this.ambiguousTotal,
    };
  }

  // Round robin over the sources, so a sample shows as many of them as it can.
  private sample(): PositionReport["sample"] {
    const lists = [...this.candidates.values()];
    const picked: PositionReport["sample"] = [];
    for (let round = 0; picked.length < SAMPLE_SIZE && lists.some((list) => list.length > round); round++) {
      for (const list of lists) if (list[round] && picked.length < SAMPLE_SIZE) picked.push(list[round]);
    }
    return picked;
  }
}

// Whitespace kept as it is: two readings may differ by nothing but a space or a line end.
function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH - 1).join("")}…` : text;
}
