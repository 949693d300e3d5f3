import type { AgreementRow, Figure } from "./agreement-table";
import type { AgreementUnit } from "./schema";

/**
 * A methods paragraph with the figures, for a report: who coded how many interviews, alpha
 * overall and its range across codes, percent agreement and kappa where defined, and what
 * could not be computed or is unstable. Pure: pages and exports pass the table in.
 */

export type MethodsInput = {
  unit: AgreementUnit;
  coders: { name: string }[];
  documents: number;
  totalDocuments: number;
  codes: { id: string; name: string }[];
  rows: AgreementRow[];
  overall: AgreementRow;
  /** Whether blind mode covered these documents at some point (then "independently" is earned). */
  blind: boolean;
  segmentSources?: { turns: number; paragraphs: number };
  /** How the overall figures were pooled, in words (AgreementFigures.pooling); said after them. */
  pooling?: string;
};

const NUMBER_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];

/** A coefficient to `digits` places, never "-0.00". */
export function formatCoefficient(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}
export const formatPercent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function unitLabel(unit: AgreementUnit, sources?: { turns: number; paragraphs: number }): string {
  if (unit === "document") return "document level: whether each code was applied anywhere in each interview";
  if (unit === "span") return "character level";
  if (sources && sources.paragraphs > 0 && sources.turns === 0) return "segment level: paragraphs";
  if (sources && sources.paragraphs > 0) return "segment level: speaker turns, or paragraphs where a transcript has none";
  return "segment level: speaker turns";
}

export function methodsParagraph(input: MethodsInput): string {
  const n = input.coders.length;
  const who = `${NUMBER_WORDS[n] ?? String(n)} analysts`;
  const names = input.coders.map((c) => c.name).join(", ");
  const how = input.blind ? "independently coded (blind mode)" : "each coded";
  const interviews = `${input.documents} of ${input.totalDocuments} interview${input.totalDocuments === 1 ? "" : "s"}`;
  if (input.documents === 0) {
    return `${who} (${names}) have no interview in common yet: agreement is computed once each of them has marked the same interviews done.`;
  }

  const coefficient = input.unit === "span" ? `Krippendorff's alpha for unitizing (alpha-u, ${unitLabel("span")}; Krippendorff 2004)` : `Krippendorff's alpha (nominal, ${unitLabel(input.unit, input.segmentSources)})`;
  const codeNames = new Map(input.codes.map((c) => [c.id, c.name]));
  const computed = input.rows.filter((r) => r.inUse && r.alpha.value !== null) as (AgreementRow & { alpha: { value: number } })[];
  const notComputed = input.rows.filter((r) => r.inUse && r.alpha.value === null);
  const unstable = computed.filter((r) => r.stabilityNote);

  const parts: string[] = [];
  parts.push(`${who} (${names}) ${how} ${interviews}`);
  let sentence = `${coefficient} was ${describe(input.overall.alpha)} overall`;
  if (computed.length >= 2) {
    const sorted = [...computed].sort((x, y) => x.alpha.value - y.alpha.value);
    const low = sorted[0];
    const high = sorted[sorted.length - 1];
    sentence += `, ranging from ${formatCoefficient(low.alpha.value)} (${codeNames.get(low.codeId!)}) to ${formatCoefficient(high.alpha.value)} (${codeNames.get(high.codeId!)}) across ${computed.length} codes`;
  } else if (computed.length === 1) {
    sentence += ` (${computed.length} code)`;
  }
  const extras: string[] = [];
  if (input.overall.percent.value !== null) extras.push(`percent agreement was ${formatPercent(input.overall.percent.value)}`);
  if (input.overall.kappa.value !== null) extras.push(`Cohen's kappa ${formatCoefficient(input.overall.kappa.value)}`);
  let text = `${parts[0]}; ${sentence}${extras.length > 0 ? `; ${extras.join(" and ")}` : ""}.`;
  if (input.pooling) text += ` ${input.pooling}`;
  if (notComputed.length > 0) {
    text += ` For ${notComputed.length} code${notComputed.length === 1 ? "" : "s"} alpha could not be computed (${[...new Set(notComputed.map((r) => r.alpha.note))].join("; ")}).`;
  }
  if (unstable.length > 0) {
    text += ` ${unstable.length} of the figures rest on fewer than 10 units and should be read with caution.`;
  } else if (input.overall.stabilityNote) {
    text += ` The overall figure rests on fewer than 10 units and should be read with caution.`;
  }
  return text;
}

function describe(figure: Figure): string {
  return figure.value === null ? `not computable (${figure.note})` : formatCoefficient(figure.value);
}
