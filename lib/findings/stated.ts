import type { StatedAs } from "./figure";
import { formatPercent } from "./display";

/**
 * Stated versus computed. A published figure is rounded to the precision it is written in,
 * so it stands for an interval, and a computed value inside it agrees with the report:
 *
 *   "88%"               = 0.88 to the nearest 0.01  -> [0.875, 0.885)
 *   "nine out of ten"   = 0.9  to the nearest 1/10  -> [0.85, 0.95)
 *   "four out of five"  = 0.8  to the nearest 1/5   -> [0.7, 0.9)
 *   "fewer than 10%"    = a bound, not a rounding   -> computed < 0.10
 *   "more than 50%"     = a bound                   -> computed > 0.50
 *
 * Intervals are half-open, as rounding half up makes them: 0.885 reads as 89%, not 88%.
 * A mismatch is a computed value outside the interval (or on the wrong side of the bound).
 * Comparisons allow 1e-9 for binary floating point (0.88 - 0.005 is not exactly 0.875).
 * With no statedAs, a stated share is read as a whole percent, the usual way to write one.
 */

export const DEFAULT_STATED_AS: StatedAs = Object.freeze({ relation: "approximately", precision: 0.01 });

const EPSILON = 1e-9;

export type StatedComparison = {
  stated: number;
  statedText: string;
  relation: StatedAs["relation"];
  precision: number;
  /** The computed values that agree with the statement: [low, high), either end open when null. */
  agrees: { low: number | null; high: number | null };
  computed: number;
  /** The computed value one decimal finer than the stated figure, so a near miss shows ("87.9%"). */
  computedDisplay: string;
  /** The stated figure as a reader would write it: "90%", "< 10%". */
  statedDisplay: string;
  mismatch: boolean;
};

export function compareStated(computed: number, stated: number, statedText: string, as: StatedAs = DEFAULT_STATED_AS): StatedComparison {
  const agrees =
    as.relation === "approximately"
      ? { low: stated - as.precision / 2, high: stated + as.precision / 2 }
      : as.relation === "lessThan"
        ? { low: null, high: stated }
        : { low: stated, high: null };
  const inside =
    as.relation === "approximately"
      ? computed >= agrees.low! - EPSILON && computed < agrees.high! - EPSILON
      : as.relation === "lessThan"
        ? computed < stated
        : computed > stated;
  const decimals = percentDecimals(as.precision);
  const statedDisplay = formatPercent(stated, decimals);
  return {
    stated,
    statedText,
    relation: as.relation,
    precision: as.precision,
    agrees,
    computed,
    computedDisplay: formatPercent(computed, decimals + 1),
    statedDisplay: as.relation === "lessThan" ? `< ${statedDisplay}` : as.relation === "moreThan" ? `> ${statedDisplay}` : statedDisplay,
    mismatch: !inside,
  };
}

/** Decimals of a percentage written to `precision`: 0.01 -> 0 ("88%"), 0.001 -> 1 ("88.5%"), 0.1 -> 0. */
export function percentDecimals(precision: number): number {
  return Math.max(0, Math.ceil(-Math.log10(precision * 100) - EPSILON));
}

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const WORDS = `(?:${TENS.join("|")})(?:[-\\s](?:${ONES.slice(1, 10).join("|")}))?|${[...ONES].reverse().join("|")}`;
const NUMBER = `(\\d+(?:\\.\\d+)?|\\b(?:${WORDS})\\b)`;
const STATED = new RegExp(
  `(?:\\b(fewer than|less than|under|below)\\s+|(<)\\s*|\\b(more than|greater than|over|above)\\s+|(>)\\s*)?${NUMBER}\\s*(?:(%|per ?cent\\b)|\\s(?:out of|in)\\s+${NUMBER})`,
  "i",
);

/**
 * Reads the figure out of a report's sentence, for the finding form to propose statedValue
 * and statedAs: "Thirty-six percent were...", "roughly four out of five", "fewer than 10
 * percent", "Nine out of 10". Null when the sentence holds no figure it recognises.
 */
export function readStatedText(text: string): { value: number; statedAs: StatedAs } | null {
  const match = STATED.exec(text);
  if (!match) return null;
  const [, lessWords, lessSign, moreWords, moreSign, amount, percent, outOf] = match;
  const relation: StatedAs["relation"] = lessWords || lessSign ? "lessThan" : moreWords || moreSign ? "moreThan" : "approximately";
  const part = readNumber(amount);
  if (percent) {
    const decimals = amount.includes(".") ? amount.split(".")[1].length : 0;
    return { value: round(part / 100), statedAs: { relation, precision: round(10 ** -decimals / 100) } };
  }
  const whole = readNumber(outOf!);
  if (whole <= 0 || part > whole) return null;
  return { value: round(part / whole), statedAs: { relation, precision: round(1 / whole) } };
}

function readNumber(text: string): number {
  if (/^\d/.test(text)) return Number(text);
  const [tens, ones] = text.toLowerCase().split(/[-\s]/);
  const t = TENS.indexOf(tens);
  return t === -1 ? ONES.indexOf(tens) : (t + 2) * 10 + (ones ? ONES.indexOf(ones) : 0);
}

// Keeps 0.36 from turning into 0.36000000000000004 on the way through division.
const round = (value: number) => Number(value.toPrecision(12));
