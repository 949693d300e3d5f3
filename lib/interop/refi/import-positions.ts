import {
  CONVENTIONS,
  describeConvention,
  scoreConventions,
  type ConventionScore,
  type PositionConvention,
  type PositionUnit,
  type SelectionEvidence,
} from "../positions";

/**
 * One position convention per file. One producer wrote the whole file, so the evidence of
 * every source is pooled: stored quotations that match, selection bounds at word and
 * character boundaries, positions inside the text, and, only to break a tie, the producer
 * the origin attribute names. Deciding per source went wrong in projects with few codings
 * per source: a source whose one selection happened to fall on word boundaries either way
 * was read one way while its neighbours were read another.
 *
 * A source keeps its own reading only when its own evidence is strong and contradicts the
 * file's (a source pasted in from another tool, say). "Strong" is measured in evidence
 * points: a stored quotation that matches one reading and not the other counts 2, a bound
 * that one reading puts inside a word or a character counts 1, and a position past the end
 * of the text rules a reading out. A decision with fewer than STRONG points is weak: the
 * summary says so and lists every coding the runner-up would read differently.
 */
export const STRONG = 4;

export type Tally = { quotesMatched: number; outOfRange: number; misplacedBounds: number };
export type Basis = "quotes" | "bounds" | "producer" | "default";

export type SourceEvidence = { key: string; raw: string; normalized: string; selections: SelectionEvidence[] };

export type SourceReading = {
  convention: PositionConvention;
  /** True when the source's own strong evidence overrode the file's convention. */
  own: boolean;
  /** The source's score under the convention it is read with (quotesMatched > 0: its names are quotations). */
  score: ConventionScore;
  /** The other reading worth comparing for this source (the runner-up, or the file's when overridden); null if none differs. */
  alternative: PositionConvention | null;
};

export type FileConvention = {
  convention: PositionConvention;
  basis: Basis;
  /** "moot": every convention places every selection alike (no BOM, CRLF or emoji where it matters). */
  strength: "strong" | "weak" | "moot";
  points: number;
  runnerUp: PositionConvention | null;
  pooled: { chosen: Tally; runnerUp: Tally | null };
  /** What the origin attribute says about the unit, when we know the producer. */
  producer: { name: string; unit: PositionUnit } | null;
  sources: Map<string, SourceReading>;
};

// How tools whose implementation settles the unit count: Python strings index code points
// (QualCoder, qc, Taguette), .NET strings UTF-16 units (NVivo); Grounded writes code points.
// ATLAS.ti and MAXQDA are left out on purpose: we have no evidence of theirs, so their files
// are read by their own evidence alone. Only a tie-breaker.
const PRODUCERS: { pattern: RegExp; name: string; unit: PositionUnit }[] = [
  { pattern: /\bnvivo\b/i, name: "NVivo", unit: "utf16" },
  { pattern: /qualcoder/i, name: "QualCoder", unit: "codepoint" },
  { pattern: /^\s*qc\b/i, name: "qc", unit: "codepoint" },
  { pattern: /taguette/i, name: "Taguette", unit: "codepoint" },
  { pattern: /grounded/i, name: "Grounded", unit: "codepoint" },
];

export function producerOf(origin: string | null): { name: string; unit: PositionUnit } | null {
  const found = origin ? PRODUCERS.find((p) => p.pattern.test(origin)) : undefined;
  return found ? { name: found.name, unit: found.unit } : null;
}

/** Evidence points of reading `a` over `b` (Infinity when `b` puts a position outside a text and `a` does not). */
export function evidencePoints(a: Tally, b: Tally): number {
  if (b.outOfRange > a.outOfRange) return Infinity;
  if (a.outOfRange > b.outOfRange) return -Infinity;
  return 2 * (a.quotesMatched - b.quotesMatched) + (b.misplacedBounds - a.misplacedBounds);
}

// A ranking consistent with evidencePoints: readings that put no position outside a text
// first, then by points (a matching quotation 2, a misplaced bound -1).
const byEvidence = (a: Tally, b: Tally) => a.outOfRange - b.outOfRange || -evidencePoints(a, b);

export function decideFileConvention(sources: SourceEvidence[], origin: string | null): FileConvention {
  const producer = producerOf(origin);
  const prior = (c: PositionConvention) => (producer && producer.unit === c.unit ? 1 : 0);
  const scored = sources.map((source) => ({ source, scores: scoreConventions(source.raw, source.normalized, source.selections) }));
  const pooled = CONVENTIONS.map((convention, index) => {
    const tally: Tally = { quotesMatched: 0, outOfRange: 0, misplacedBounds: 0 };
    for (const { scores } of scored) {
      tally.quotesMatched += scores[index].quotesMatched;
      tally.outOfRange += scores[index].outOfRange;
      tally.misplacedBounds += scores[index].misplacedBounds;
    }
    return { convention, index, tally };
  });
  const ranked = [...pooled].sort((a, b) => byEvidence(a.tally, b.tally) || prior(b.convention) - prior(a.convention) || a.index - b.index);
  const chosen = ranked[0];
  // The runner-up is the best reading that places some selection elsewhere: one that only
  // counts differently (a BOM counted, an emoji before it as two) but lands every passage in
  // the same place is the same reading for this file.
  const differs = (index: number) => scored.some(({ scores }) => scores[index].signature !== scores[chosen.index].signature);
  const runnerUp = ranked.find((entry) => differs(entry.index)) ?? null;

  const points = runnerUp ? evidencePoints(chosen.tally, runnerUp.tally) : Infinity;
  const basis: Basis = !runnerUp
    ? "default"
    : byEvidence(chosen.tally, runnerUp.tally) < 0
      ? chosen.tally.quotesMatched > runnerUp.tally.quotesMatched
        ? "quotes"
        : "bounds"
        : prior(chosen.convention) > prior(runnerUp.convention)
          ? "producer"
          : "default";

  const readings = new Map<string, SourceReading>();
  for (const { source, scores } of scored) {
    const fileScore = scores[chosen.index];
    // The source's own best, preferring the file's reading among equals.
    const own = scores
      .map((score, index) => ({ score, index, same: score.signature === fileScore.signature }))
      .sort((a, b) => byEvidence(a.score, b.score) || Number(b.same) - Number(a.same) || a.index - b.index)[0];
    const overrides = !own.same && evidencePoints(own.score, fileScore) >= STRONG;
    const used = overrides ? own.score : fileScore;
    const other = overrides ? fileScore : runnerUp && scores[runnerUp.index];
    const alternative = other && other.signature !== used.signature ? other.convention : null;
    readings.set(source.key, { convention: used.convention, own: overrides, score: used, alternative });
  }
  return {
    convention: chosen.convention,
    basis,
    strength: runnerUp ? (points >= STRONG ? "strong" : "weak") : "moot",
    points,
    runnerUp: runnerUp?.convention ?? null,
    pooled: { chosen: chosen.tally, runnerUp: runnerUp?.tally ?? null },
    producer,
    sources: readings,
  };
}

/** One sentence for the summary: how the file's positions were read and what showed it. */
export function describeDecision(decision: FileConvention, sourceCount: number): string {
  const how = describeConvention(decision.convention);
  if (decision.strength === "moot") return `Positions read as ${how}; every way of counting (code points or UTF-16 units, a CRLF as one character or two, the byte order mark counted or not) gives the same passages in this file.`;
  const a = decision.pooled.chosen;
  const b = decision.pooled.runnerUp!;
  const parts = [
    `Positions read as ${how} for the whole file (${sourceCount} source${sourceCount === 1 ? "" : "s"} pooled), rather than as ${describeConvention(decision.runnerUp!)}`,
  ];
  if (b.outOfRange > a.outOfRange) parts.push(`which would put ${b.outOfRange} selection bound(s) past the end of their text`);
  if (a.quotesMatched + b.quotesMatched > 0) parts.push(`${a.quotesMatched} stored quotation(s) match this way, ${b.quotesMatched} the other way`);
  parts.push(`${a.misplacedBounds} selection bound(s) fall inside a word or a character this way, ${b.misplacedBounds} the other way`);
  if (decision.basis === "producer" && decision.producer) parts.push(`the evidence tied, and ${decision.producer.name} counts ${decision.producer.unit === "utf16" ? "UTF-16 code units" : "code points"}`);
  return `${parts.join("; ")}.`;
}
