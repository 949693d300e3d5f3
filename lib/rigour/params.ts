import { AGREEMENT_SCOPES, AGREEMENT_UNITS, type AgreementScope, type AgreementUnit, DEFAULT_TOLERANCE, MAX_TOLERANCE } from "./schema";

/**
 * The rigour pages keep their choices in the URL (so a figure can be linked and exported as
 * shown): ?coders=<id>,<id>&unit=segment&scope=done&tolerance=20&code=<id>&document=<id>.
 * Reading is lenient: a missing or unknown value falls back to the default and says so.
 */

type Search = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export type AgreementParams = { coderIds: string[] | null; unit: AgreementUnit; scope: AgreementScope; problems: string[] };

export function readAgreementParams(search: Search): AgreementParams {
  const problems: string[] = [];
  // Either one comma-separated value (links) or the value repeated (a form's checkboxes).
  const raw = search.coders === undefined ? [] : Array.isArray(search.coders) ? search.coders : [search.coders];
  const list = [...new Set(raw.flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean))];
  const coderIds = list.length > 0 ? list : null;
  const unitRaw = one(search.unit);
  const unit = (AGREEMENT_UNITS as readonly string[]).includes(unitRaw ?? "") ? (unitRaw as AgreementUnit) : "segment";
  if (unitRaw && unit !== unitRaw) problems.push(`Unknown unit "${unitRaw}": showing segments.`);
  const scopeRaw = one(search.scope);
  const scope = (AGREEMENT_SCOPES as readonly string[]).includes(scopeRaw ?? "") ? (scopeRaw as AgreementScope) : "done";
  if (scopeRaw && scope !== scopeRaw) problems.push(`Unknown document choice "${scopeRaw}": showing documents marked done.`);
  return { coderIds, unit, scope, problems };
}

export type DisagreementParams = {
  coderIds: [string, string] | null;
  scope: AgreementScope;
  tolerance: number;
  codeId: string | undefined;
  documentId: string | undefined;
  status: "open" | "decided" | "all";
  page: number;
  /** The page of the decision log. */
  logPage: number;
  problems: string[];
};

export function readDisagreementParams(search: Search): DisagreementParams {
  const base = readAgreementParams(search);
  const problems = base.problems.filter((p) => !p.startsWith("Unknown unit"));
  const ids = base.coderIds && base.coderIds.length >= 2 ? ([base.coderIds[0], base.coderIds[1]] as [string, string]) : null;
  const toleranceRaw = one(search.tolerance);
  let tolerance = DEFAULT_TOLERANCE;
  if (toleranceRaw !== undefined && toleranceRaw !== "") {
    const n = Number(toleranceRaw);
    if (Number.isInteger(n) && n >= 0 && n <= MAX_TOLERANCE) tolerance = n;
    else problems.push(`The tolerance must be a whole number of characters from 0 to ${MAX_TOLERANCE}: using ${DEFAULT_TOLERANCE}.`);
  }
  const statusRaw = one(search.status);
  const status = statusRaw === "open" || statusRaw === "decided" ? statusRaw : "all";
  const pageParam = (name: string) => Math.max(1, Number.parseInt(one(search[name]) ?? "1", 10) || 1);
  return { coderIds: ids, scope: base.scope, tolerance, codeId: one(search.code) || undefined, documentId: one(search.document) || undefined, status, page: pageParam("page"), logPage: pageParam("log"), problems };
}

/** The query string for a set of choices (defaults left out). */
export function toSearch(values: Record<string, string | number | string[] | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
