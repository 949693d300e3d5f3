import { type AgreementDesign, type CategoryUnitizingAlpha, type Coding, type Outcome, type UnitizedContinuum, type UnitizedSpan, poolCategories, unitizingAlphaForCategory } from "../agreement";
import { notComputed } from "../agreement/result";
import { type PresenceCounts, poolCounts, presenceCounts } from "./presence";
import { presenceFigures } from "./presence-stats";
import type { AgreementUnit } from "./schema";

/**
 * The agreement table: per code and overall, at one unit of analysis, from codings already
 * loaded and a design (coders, codes, documents with their segments). No I/O: the same
 * function serves the page, the exports, the benchmark and the tests. It is async only so it
 * can hand the event loop back between steps (between codes for spans): a large table then
 * never holds up other users' requests for long (scripts/bench/agreement.ts measures it).
 *
 * - document, segment: each (code, unit) is coded 1 or not 0 by each analyst; percent
 *   agreement, Cohen's kappa (exactly two analysts) and Krippendorff's alpha (nominal),
 *   computed from counts (presence.ts, presence-stats.ts) with lib/agreement's definitions.
 *   "Overall" pools the codes with variation: their counts are summed, every (code, unit)
 *   pair one decision, as lib/agreement's poolCodes does, and each figure is computed once
 *   from the sum (not a mean of per-code figures). A code without variation (nobody applied
 *   it, or every analyst applied it to every unit) has no alpha or kappa of its own (0/0);
 *   pooling it would only add unanimous pairs, i.e. count it as perfect agreement, so it is
 *   left out and `pooling` says so.
 * - span: Krippendorff's alpha for unitizing on the documents laid end to end; percent
 *   agreement and kappa are not defined there, and the table says so instead of a number.
 *
 * A parent code nobody applied directly shows no figure at all (its sub-codes have theirs):
 * the 100% percent agreement of "neither applied it" says nothing about the coders.
 */

/** A figure, or null and why (never NaN). */
export type Figure = { value: number; note: null } | { value: null; note: string };

export type AgreementRow = {
  codeId: string | null;
  /** Units compared: pairable units (document/segment) or marked spans, merged per analyst (span). */
  units: number;
  /** Per analyst, in design order: units they coded with the code (document/segment) or their merged spans (span). */
  perCoder: number[];
  percent: Figure;
  kappa: Figure;
  alpha: Figure;
  /** Set when too few units make the figures unstable. */
  stabilityNote: string | null;
  /** Whether any compared analyst used the code in these documents. */
  inUse: boolean;
  /** Whether the overall figure counts this code (it is in use and its coefficient is defined). */
  pooled: boolean;
};

/** `pooling` says in words how the overall row was pooled and which codes it leaves out. */
export type AgreementFigures = { rows: AgreementRow[]; overall: AgreementRow; notes: string[]; pooling: string };

export type AgreementOptions = { /** Codes with sub-codes: never applied directly, they show no figure. */ parentCodes?: ReadonlySet<string> };

/** The overall row's name on the page and in the exports; `pooling` says what it pools. */
export const OVERALL_LABEL = "Overall (pooled over codes with variation)";
const NOT_APPLIED = "not applied by these analysts in these documents";
const PARENT = "parent code not applied directly: its sub-codes carry the figures";
const UNIT_NOUN = { document: "interview", segment: "segment" } as const;
const NOT_FOR_SPANS = "not defined for character spans; choose the segment or document unit for it";
const KAPPA_TWO = "Cohen's kappa compares exactly two analysts; read Krippendorff's alpha";

/** "Cohen's kappa, Alpha: <why>": the row's missing figures, those missing for the same reason in one note. */
export function figureNotes(row: AgreementRow): string[] {
  const byReason = new Map<string, string[]>();
  for (const [what, f] of [["Percent agreement", row.percent], ["Cohen's kappa", row.kappa], ["Alpha", row.alpha]] as const) {
    if (f.value === null) byReason.set(f.note, [...(byReason.get(f.note) ?? []), what]);
  }
  return [...byReason].map(([why, what]) => `${what.join(", ")}: ${why}`);
}

const figure = (o: Outcome): Figure => (o.value === null ? { value: null, note: o.reason.message } : { value: o.value, note: null });
const missing = (note: string): Figure => ({ value: null, note });

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function computeAgreementFigures(codings: ReadonlyArray<Coding>, design: AgreementDesign, unit: AgreementUnit, options: AgreementOptions = {}): Promise<AgreementFigures> {
  const notes: string[] = [];
  const parents = options.parentCodes ?? new Set<string>();
  if (design.documents.length === 0) {
    const empty = (codeId: string | null): AgreementRow => ({
      codeId,
      units: 0,
      perCoder: design.coders.map(() => 0),
      percent: missing("no documents to compare"),
      kappa: missing("no documents to compare"),
      alpha: missing("no documents to compare"),
      stabilityNote: null,
      inUse: false,
      pooled: false,
    });
    return { rows: design.codes.map(empty), overall: empty(null), notes, pooling: "The overall figures have no documents to compare." };
  }
  const used = codesInUse(codings, design);
  if (unit === "span") return spanFigures(codings, design, used, parents, notes);

  const m = design.coders.length;
  const counts = presenceCounts(codings, design, unit);
  await yieldToEventLoop();
  const rows = design.codes.map((codeId, i) => presenceRow(codeId, counts[i], used.has(codeId), parents.has(codeId), unit));
  const pooled = counts.filter((_, i) => rows[i].pooled);
  const overall = presenceRow(null, poolCounts(pooled, m), pooled.length > 0, false, unit);
  overall.pooled = pooled.length > 0;
  if (used.size === 0) overall.alpha = overall.percent = overall.kappa = missing("no analyst applied any code in these documents");
  else if (pooled.length === 0) overall.alpha = overall.percent = overall.kappa = missing(`no code in use varies: each was applied by ${everyAnalyst(m)} to every ${UNIT_NOUN[unit]}`);
  if (m > 2) notes.push(KAPPA_TWO + ".");
  const pooling = describePooling(rows, `every code × ${UNIT_NOUN[unit]} pair counted as one decision; each figure is computed once from the summed counts, not averaged over codes`);
  return { rows, overall, notes, pooling };
}

const everyAnalyst = (m: number) => (m === 2 ? "both analysts" : `all ${m} analysts`);
const absentNote = (m: number) => `no variation: ${everyAnalyst(m)} agree it is absent everywhere (${NOT_APPLIED}); left out of the overall figure`;

function presenceRow(codeId: string | null, counts: PresenceCounts, inUse: boolean, parent: boolean, unit: "document" | "segment"): AgreementRow {
  const f = presenceFigures(counts);
  const row: AgreementRow = {
    codeId,
    units: f.units,
    perCoder: counts.perCoder,
    percent: figure(f.percent),
    kappa: f.kappa ? figure(f.kappa) : missing(KAPPA_TWO),
    alpha: figure(f.alpha),
    stabilityNote: f.stabilityNote,
    inUse,
    pooled: inUse && f.alpha.value !== null,
  };
  if (codeId === null) return row;
  const m = counts.perCoder.length;
  const present = inUse && f.alpha.reason?.code === "no-variation";
  // Say why in the user's terms rather than the statistic's ("every unit got the same value").
  const note = parent && !inUse
    ? PARENT
    : !inUse
      ? absentNote(m)
      : present
        ? `no variation: ${everyAnalyst(m)} agree it is present everywhere (applied to every ${UNIT_NOUN[unit]}); left out of the overall figure`
        : null;
  if (note === null || m < 2) return row;
  // Nobody applied it: "100% agreement" would only say that nobody applied it.
  if (!inUse) row.percent = missing(note);
  if (row.alpha.value === null) row.alpha = missing(note);
  if (row.kappa.value === null && f.kappa) row.kappa = missing(note);
  if (parent && !inUse) row.stabilityNote = null;
  return row;
}

/** "The overall figures pool the 14 codes with variation, <how>. Left out: ...": for the page, the exports and the methods paragraph. */
function describePooling(rows: ReadonlyArray<AgreementRow>, how: string): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const pooled = rows.filter((r) => r.pooled).length;
  const constant = rows.filter((r) => r.inUse && !r.pooled).length;
  const unused = rows.filter((r) => !r.inUse).length;
  const out: string[] = [];
  if (constant > 0) out.push(`${plural(constant, "code")} in use without variation (no coefficient of ${constant === 1 ? "its" : "their"} own)`);
  if (unused > 0) out.push(`${plural(unused, "code")} no analyst applied here`);
  if (pooled === 0) return `The overall figures have no code with variation to pool${out.length > 0 ? ` (${out.join("; ")})` : ""}.`;
  return `The overall figures pool the ${plural(pooled, "code")} with variation, ${how}${out.length > 0 ? `. Left out: ${out.join("; ")}` : ""}.`;
}

async function spanFigures(codings: ReadonlyArray<Coding>, design: AgreementDesign, used: Set<string>, parents: ReadonlySet<string>, notes: string[]): Promise<AgreementFigures> {
  const continuum = studyContinuum(codings, design);
  const rows: AgreementRow[] = [];
  const perCategory: CategoryUnitizingAlpha[] = [];
  for (const codeId of design.codes) {
    const result = unitizingAlphaForCategory(continuum, codeId);
    perCategory.push(result);
    rows.push({
      codeId,
      units: result.markedUnits,
      perCoder: continuum.coders.map((c) => mergedCount(c.spans.filter((s) => s.category === codeId))),
      percent: missing(NOT_FOR_SPANS),
      kappa: missing(NOT_FOR_SPANS),
      alpha: used.has(codeId) ? (result.value === null ? missing(`${result.reason.message}; left out of the overall figure`) : figure(result)) : missing(parents.has(codeId) ? PARENT : absentNote(design.coders.length)),
      stabilityNote: result.stabilityNote,
      inUse: used.has(codeId),
      pooled: used.has(codeId) && result.value !== null,
    });
    await yieldToEventLoop();
  }
  const all = pooledUnitizingAlpha(perCategory.filter((c) => used.has(c.category)), continuum.coders.length);
  if (continuum.coders.length > 2) notes.push(`Character spans: ${perCategory[0]?.definitionNote ?? "more than two analysts"}.`);
  notes.push("Character spans: the documents are laid end to end as one continuum (Krippendorff 2004, alpha for unitizing); each analyst's overlapping spans of one code count as one span.");
  const overall: AgreementRow = {
    codeId: null,
    units: all.markedUnits,
    perCoder: continuum.coders.map((_, i) => rows.reduce((n, r) => n + r.perCoder[i], 0)),
    percent: missing(NOT_FOR_SPANS),
    kappa: missing(NOT_FOR_SPANS),
    alpha: used.size === 0 ? missing("no analyst applied any code in these documents") : figure(all),
    stabilityNote: all.stabilityNote,
    inUse: used.size > 0,
    pooled: rows.some((r) => r.pooled),
  };
  const pooling = describePooling(rows, "each code's observed and expected disagreement summed before alpha-u is taken (Krippendorff 2004), so codes weigh by their marked spans, not equally");
  return { rows, overall, notes, pooling };
}

/**
 * The documents end to end as one continuum, each analyst's codings as spans whose category
 * is the code: what lib/agreement's concatenateContinua(characterContinua(...)) builds (all
 * analysts cover every document here), in one pass instead of a lookup per document, analyst
 * and code. Span order within an analyst differs, which the coefficient does not see.
 */
export function studyContinuum(codings: ReadonlyArray<Coding>, design: AgreementDesign): UnitizedContinuum {
  const offsets = new Map<string, { offset: number; length: number }>();
  let length = 0;
  for (const d of design.documents) {
    offsets.set(d.id, { offset: length, length: d.length });
    length += d.length;
  }
  const codes = new Set(design.codes);
  const spans = new Map(design.coders.map((id) => [id, [] as UnitizedSpan[]]));
  for (const c of codings) {
    const doc = offsets.get(c.documentId);
    const list = spans.get(c.coderId);
    if (!doc || !list || !codes.has(c.codeId)) continue;
    if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end > doc.length || c.start >= c.end) {
      throw new RangeError(`coding [${c.start}, ${c.end}) of code ${c.codeId} by ${c.coderId} is not a span of document ${c.documentId} (length ${doc.length})`);
    }
    list.push({ start: c.start + doc.offset, end: c.end + doc.offset, category: c.codeId });
  }
  return { length, coders: design.coders.map((coderId) => ({ coderId, spans: spans.get(coderId)! })) };
}

/** alpha_u over several codes from their per-code results (lib/agreement's own pooling). */
export function pooledUnitizingAlpha(perCategory: ReadonlyArray<CategoryUnitizingAlpha>, coders: number): Outcome & { markedUnits: number; stabilityNote: string | null } {
  if (coders < 2) return { ...notComputed("fewer-than-two-coders"), markedUnits: 0, stabilityNote: null };
  return poolCategories(perCategory);
}

function codesInUse(codings: ReadonlyArray<Coding>, design: AgreementDesign): Set<string> {
  const coders = new Set(design.coders);
  const documents = new Set(design.documents.map((d) => d.id));
  const codes = new Set(design.codes);
  const used = new Set<string>();
  for (const c of codings) if (coders.has(c.coderId) && documents.has(c.documentId) && codes.has(c.codeId)) used.add(c.codeId);
  return used;
}

function mergedCount(spans: ReadonlyArray<{ start: number; end: number }>): number {
  // Spans of one analyst and code, on the concatenated continuum: overlapping ones count once.
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let count = 0;
  let end = -1;
  for (const s of sorted) {
    if (s.start >= end) count++;
    end = Math.max(end, s.end);
  }
  return count;
}
