import { coderSelectionToParam, type CoderSelection } from "@/lib/analysis/coder-selection";
import { percent, relativeQuotesHref } from "@/lib/analysis/links";
import type { ThemeSummaries } from "@/lib/analysis/types";
import { FIGURE_HEAD, FIGURE_TABLE, indent } from "./figure-table";

/**
 * A page of the theme summaries: each theme's passages, interviews, weight and each analyst's
 * passages, every number a link to the passages behind it. Server-rendered plain links
 * (relative to the summaries page, so the project's path is not repeated in each): a page of
 * them carries no client component and prefetches nothing.
 */
export function ThemeTable({ summaries, rows, selection }: { summaries: ThemeSummaries; rows: ThemeSummaries["rows"]; selection: CoderSelection }) {
  const { totals, coders } = summaries;
  const coderParam = coderSelectionToParam(selection);
  return (
    <table className={FIGURE_TABLE} data-testid="summaries-table">
      <caption className="sr-only">Theme coverage; whose coding counts: {summaries.selectionLabel}</caption>
      <thead className={FIGURE_HEAD}>
        <tr>
          <th>Theme</th>
          <th>Passages</th>
          <th>Interviews</th>
          {totals.weight && <th>{totals.weight.name.replaceAll("_", " ")} (of {totals.weight.total})</th>}
          {coders.map((c) => (
            <th key={c.id}>{c.name}</th>
          ))}
          <th>Rank among siblings</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const href = relativeQuotesHref(selection, { kind: "code", codeId: row.codeId });
          return (
            <tr key={row.codeId}>
              <th scope="row" style={indent(row.depth)}>
                <i style={{ backgroundColor: row.colour }} />
                <a href={`themes/${row.codeId}?coders=${encodeURIComponent(coderParam)}`} className="hover:underline">{row.name}</a>
              </th>
              <td><a href={href}>{row.passages}</a></td>
              <td>
                <a href={href}>{`${row.interviews} of ${totals.documents}`}</a> <span>({percent(row.interviewShare)})</span>
              </td>
              {totals.weight && (
                <td>
                  {row.weighted} <span>({percent(row.weightedShare)})</span>
                </td>
              )}
              {row.byCoder.map((c, i) => (
                <td key={i}>
                  <a href={relativeQuotesHref({ kind: "coder", coderId: c.coderId }, { kind: "code", codeId: row.codeId })}>{c.passages}</a>
                </td>
              ))}
              <td className="text-stone-600">{row.siblingRank}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
