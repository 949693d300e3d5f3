import { type AttributeValueRow, type CaseFilter, caseFilterLabel, filterCases } from "../analysis/case-filter";
import type { CoderSelection } from "../analysis/coder-selection";
import { type CodebookEntry, getLiveCodebook, interviewCoverage, resolveCoderSelection } from "../analysis/data";
import { attributeLabel } from "../cases/label";
import { db } from "../db/client";
import { formatFraction, formatPercent } from "./display";
import { type FindingFigure, figureReferences } from "./figure";
import { rankCodes } from "./ranking";
import { sumAttributes, total } from "./ratio";
import type { FigureDetails, FigureResult } from "./result";

/**
 * Computes findings' figures from the data as it is now. One context per report, so a
 * report of many findings reads the codebook and case attributes once; each share or
 * ranking is counted by one SQL query per case filter for the whole report (batchCoverage).
 */

export type FigureContext = {
  projectId: string;
  selection: CoderSelection;
  selectionLabel: string;
  codes: Map<string, CodebookEntry>;
  /** Each with its label for readers (attributeLabel): figures name attributes as the report prints them. */
  attributes: Map<string, { id: string; name: string; label: string; type: string }>;
  caseIds: string[];
  values: AttributeValueRow[];
  /** Interview coverage of every code the report's figures count, one query per case filter (see batchCoverage). */
  coverage: Map<string, { codeIds: Set<string>; result: Promise<Coverage> }>;
};

type Coverage = Awaited<ReturnType<typeof interviewCoverage>>;

/** Reads what the given figures need: the codebook, the attributes, and the values of the attributes they use. */
export async function loadFigureContext(projectId: string, selection: CoderSelection, figures: readonly FindingFigure[]): Promise<FigureContext> {
  const prisma = db();
  const attributeIds = [...new Set(figures.flatMap((f) => figureReferences(f).attributeIds))];
  const [{ label }, codebook, attributes, cases, values] = await Promise.all([
    resolveCoderSelection(projectId, selection),
    getLiveCodebook(projectId),
    prisma.attributeDefinition.findMany({ where: { projectId }, select: { id: true, name: true, displayName: true, type: true } }),
    prisma.case.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { id: true } }),
    prisma.attributeValue.findMany({
      where: { projectId, attributeId: { in: attributeIds } },
      select: { caseId: true, attributeId: true, textValue: true, numberValue: true, booleanValue: true },
    }),
  ]);
  const ctx: FigureContext = {
    projectId,
    selection,
    selectionLabel: label,
    codes: new Map(codebook.map((c) => [c.id, c])),
    attributes: new Map(attributes.map((a) => [a.id, { id: a.id, name: a.name, label: attributeLabel(a), type: a.type }])),
    caseIds: cases.map((c) => c.id),
    values,
    coverage: new Map(),
  };
  batchCoverage(ctx, figures);
  return ctx;
}

/** The codes a share or a ranking counts (none when it cannot be computed). */
function countedCodes(ctx: FigureContext, figure: FindingFigure): string[] {
  if (figure.filter.some((c) => !ctx.attributes.has(c.attributeId))) return [];
  if (figure.kind === "interview-share") return ctx.codes.has(figure.codeId) ? [figure.codeId] : [];
  if (figure.kind === "code-ranking") return [...ctx.codes.values()].filter((c) => c.parentId === figure.parentCodeId).map((c) => c.id);
  return [];
}

const filterKey = (cases: string[] | null) => (cases === null ? "all" : JSON.stringify([...cases].sort()));

/**
 * One coverage query per distinct case filter for all the codes the figures count, rather
 * than one per figure: a report of ten findings was ten queries (and ten round trips to check
 * the analysis cache). Each code's interviews are counted on their own in that query
 * (interviewCoverage groups by code), so a batched figure equals one computed alone.
 */
function batchCoverage(ctx: FigureContext, figures: readonly FindingFigure[]) {
  const groups = new Map<string, { cases: string[] | null; codeIds: Set<string> }>();
  for (const figure of figures) {
    const codeIds = countedCodes(ctx, figure);
    if (codeIds.length === 0) continue;
    const cases = casesIn(ctx, figure.filter);
    const key = filterKey(cases);
    const group = groups.get(key) ?? groups.set(key, { cases, codeIds: new Set() }).get(key)!;
    for (const id of codeIds) group.codeIds.add(id);
  }
  for (const [key, { cases, codeIds }] of groups) {
    const result = interviewCoverage(ctx.projectId, ctx.selection, [...codeIds], cases);
    result.catch(() => {}); // awaited by the figures that use it; this keeps an early failure from going unhandled
    ctx.coverage.set(key, { codeIds, result });
  }
}

/** The coverage of `codeIds` under a figure's filter: from the batch when it holds them, else its own query. */
async function coverageOf(ctx: FigureContext, codeIds: string[], filter: CaseFilter): Promise<Coverage> {
  const cases = casesIn(ctx, filter);
  const batch = ctx.coverage.get(filterKey(cases));
  if (!batch || !codeIds.every((id) => batch.codeIds.has(id))) return interviewCoverage(ctx.projectId, ctx.selection, codeIds, cases);
  const { documents, interviews } = await batch.result;
  return { documents, interviews: new Map(codeIds.map((id) => [id, interviews.get(id) ?? 0])) };
}

export async function computeFigure(ctx: FigureContext, figure: FindingFigure): Promise<FigureResult> {
  const filterLabel = caseFilterLabel(figure.filter, (id) => ctx.attributes.get(id)?.label ?? "(deleted attribute)");
  const missingFilter = figure.filter.some((c) => !ctx.attributes.has(c.attributeId));
  switch (figure.kind) {
    case "interview-share": {
      const code = ctx.codes.get(figure.codeId);
      const label = `Interviews coded “${code?.name ?? "(deleted code)"}” (${filterLabel})`;
      const base = { kind: figure.kind, label, selectionLabel: ctx.selectionLabel };
      const details = (interviews: number, documents: number): FigureDetails => ({
        kind: figure.kind,
        code: code ? { id: code.id, name: code.name } : null,
        filterLabel,
        interviews,
        documents,
      });
      if (!code) return unavailable(base, details(0, 0), "The code this figure counts was deleted; choose another code.");
      if (missingFilter) return unavailable(base, details(0, 0), "A case attribute of the filter was deleted; edit the filter.");
      const { documents, interviews } = await coverageOf(ctx, [code.id], figure.filter);
      const n = interviews.get(code.id) ?? 0;
      return share(base, details(n, documents), n, documents, "No interviews match the filter.");
    }
    case "attribute-ratio": {
      const name = (id: string) => ctx.attributes.get(id)?.label ?? "(deleted attribute)";
      const label = `${figure.numerator.map(name).join(" + ")} ÷ ${figure.denominator.map(name).join(" + ")} (${filterLabel})`;
      const base = { kind: figure.kind, label, selectionLabel: null };
      const ids = [...figure.numerator, ...figure.denominator];
      const cases = new Set(casesIn(ctx, figure.filter) ?? ctx.caseIds);
      const sums = sumAttributes(cases, ctx.values, ids);
      const part = (list: string[]) => list.map((attributeId) => ({ attributeId, name: name(attributeId), sum: sums.get(attributeId) ?? 0 }));
      const details: FigureDetails = { kind: figure.kind, numerator: part(figure.numerator), denominator: part(figure.denominator), filterLabel, cases: cases.size };
      if (missingFilter || ids.some((id) => !ctx.attributes.has(id))) return unavailable(base, details, "A case attribute of this figure was deleted; edit the figure.");
      const notNumber = ids.map((id) => ctx.attributes.get(id)!).find((a) => a.type !== "number");
      if (notNumber) return unavailable(base, details, `"${notNumber.label}" is not a number, so it cannot be summed.`);
      return share(base, details, total(sums, figure.numerator), total(sums, figure.denominator), "The denominator adds up to 0.");
    }
    case "code-ranking": {
      const parent = ctx.codes.get(figure.parentCodeId);
      const label = `Sub-codes of “${parent?.name ?? "(deleted code)"}” by interviews (${filterLabel})`;
      const base = { kind: figure.kind, label, selectionLabel: ctx.selectionLabel };
      const details = (documents: number, ranking: ReturnType<typeof rankCodes>): FigureDetails => ({
        kind: figure.kind,
        parent: parent ? { id: parent.id, name: parent.name } : null,
        filterLabel,
        documents,
        ranking,
      });
      if (!parent) return unavailable(base, details(0, []), "The code whose sub-codes are ranked was deleted; choose another code.");
      if (missingFilter) return unavailable(base, details(0, []), "A case attribute of the filter was deleted; edit the filter.");
      const children = [...ctx.codes.values()].filter((c) => c.parentId === parent.id);
      const { documents, interviews } = await coverageOf(ctx, children.map((c) => c.id), figure.filter);
      const ranking = rankCodes(children, interviews, documents);
      const display = ranking.length === 0 ? "No sub-codes" : ranking.map((r) => `${r.rank}. ${r.name} (${r.share === null ? "—" : formatPercent(r.share)})`).join(", ");
      return { ...base, value: null, numerator: null, denominator: documents, display, fraction: null, details: details(documents, ranking), problem: ranking.length === 0 ? "This code has no sub-codes to rank." : null };
    }
  }
}

const casesIn = (ctx: FigureContext, filter: CaseFilter): string[] | null => (filter.length === 0 ? null : filterCases(ctx.caseIds, ctx.values, filter));

type Base = Pick<FigureResult, "kind" | "label" | "selectionLabel">;

function share(base: Base, details: FigureDetails, numerator: number, denominator: number, empty: string): FigureResult {
  if (denominator === 0) return { ...base, value: null, numerator, denominator, display: "—", fraction: formatFraction(numerator, denominator), details, problem: empty };
  const value = numerator / denominator;
  return { ...base, value, numerator, denominator, display: formatPercent(value), fraction: formatFraction(numerator, denominator), details, problem: null };
}

function unavailable(base: Base, details: FigureDetails, problem: string): FigureResult {
  return { ...base, value: null, numerator: null, denominator: null, display: "—", fraction: null, details, problem };
}
