import { competitionRanks } from "../analysis/code-tree";
import type { RankedCode } from "./result";

/**
 * A parent's children ranked by interview coverage: most interviews first, ties sharing a
 * rank (1, 2, 2, 4) and listed in codebook order, so the ranking never claims an order the
 * data does not have.
 */
export function rankCodes(children: readonly { id: string; name: string }[], interviews: ReadonlyMap<string, number>, documents: number): RankedCode[] {
  const count = (c: { id: string }) => interviews.get(c.id) ?? 0;
  const ranks = competitionRanks(children, count);
  return children
    .map((c, order) => ({ order, codeId: c.id, name: c.name, rank: ranks.get(c)!, interviews: count(c), share: documents > 0 ? count(c) / documents : null }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ order: _order, ...ranked }) => ranked);
}
