import { toCsv } from "../interop/csv";
import { coOccurrencePairs } from "./breakdowns-data";
import type { CoderSelection } from "./coder-selection";

/**
 * The full co-occurrence matrix as a download: one row per pair of codes that co-occur in at
 * least one interview, most interviews first. A list rather than a square grid: with 10,000
 * codes a grid would be 100 million cells, almost all empty, more than a spreadsheet opens;
 * the list holds the same figures and pivots back into a grid in any spreadsheet. Even a list
 * can be huge (every pair of a large codebook), so it stops at GROUNDED_COOCCURRENCE_CSV_PAIRS
 * pairs (default 100,000) and its last row says so.
 */
export function maxCsvPairs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.GROUNDED_COOCCURRENCE_CSV_PAIRS);
  return env.GROUNDED_COOCCURRENCE_CSV_PAIRS?.trim() && Number.isInteger(n) && n > 0 ? n : 100_000;
}

export const CO_OCCURRENCE_COLUMNS = ["code A", "code A path", "code B", "code B path", "interviews with both", "overlapping passages"];

export async function coOccurrenceCsv(projectId: string, selection: CoderSelection, maxPairs = maxCsvPairs()): Promise<string> {
  const { codebook, pairs, truncated } = await coOccurrencePairs(projectId, selection, maxPairs);
  const byId = new Map(codebook.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  // codebook is in reading order (parents first), so a parent's path is known before its children's.
  for (const code of codebook) paths.set(code.id, code.parentId && paths.has(code.parentId) ? `${paths.get(code.parentId)} / ${code.name}` : code.name);
  const rows: (string | number)[][] = pairs.map((p) => [byId.get(p.code_a)?.name ?? "", paths.get(p.code_a) ?? "", byId.get(p.code_b)?.name ?? "", paths.get(p.code_b) ?? "", p.interviews, p.passages]);
  if (truncated) rows.push([`(the ${maxPairs.toLocaleString("en")} pairs in the most interviews; more pairs co-occur than one download holds)`, "", "", "", "", ""]);
  return `\uFEFF${toCsv({ fields: CO_OCCURRENCE_COLUMNS, data: rows })}`;
}
