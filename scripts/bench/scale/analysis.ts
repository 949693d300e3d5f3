import { getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";

/**
 * The crosstab and the co-occurrence matrix are sections of the summaries page, so over HTTP
 * they are timed with it; here their data alone, through lib/ in this process as
 * bench:summaries does. Cold: the analysis cache off (GROUNDED_ANALYSIS_CACHE=off), every read
 * computed; warm: as the app runs them, after one unmeasured read. Needs DATABASE_URL set.
 */
export async function measureBreakdowns(projectId: string, attributeId: string, runs: number): Promise<{ label: string; cold: number[]; warm: number[] }[]> {
  const reads: [string, () => Promise<unknown>][] = [
    ["crosstab by sector (data only, in-process)", () => getCrosstab(projectId, { kind: "any" }, attributeId)],
    ["co-occurrence matrix (data only, in-process)", () => getCoOccurrence(projectId, { kind: "any" })],
  ];
  const results = [];
  for (const [label, read] of reads) {
    const time = async () => {
      const t0 = performance.now();
      await read();
      return performance.now() - t0;
    };
    process.env.GROUNDED_ANALYSIS_CACHE = "off";
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) cold.push(await time());
    delete process.env.GROUNDED_ANALYSIS_CACHE;
    await read();
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await time());
    results.push({ label, cold, warm });
  }
  return results;
}
