import type { CoderSelection } from "@/lib/analysis/coder-selection";
import { percent, relativeQuotesHref } from "@/lib/analysis/links";
import type { Crosstab } from "@/lib/analysis/types";
import type { SearchCrosstabRow } from "@/lib/search/crosstab";
import { FIGURE_HEAD, FIGURE_TABLE, indent } from "./figure-table";

/**
 * Cases with each theme of a page by category of a case attribute, each count a link to its
 * passages; and, when one is chosen, a saved search's row: cases with a match (comparable with a
 * theme's cases) and the matches, each a link to the search narrowed to that category.
 */
export function CrosstabTable({ crosstab, rows, selection, searchRow, projectId }: { crosstab: Crosstab; rows: Crosstab["rows"]; selection: CoderSelection; searchRow?: SearchCrosstabRow | null; projectId?: string }) {
  const attributeId = crosstab.attribute.id;
  return (
    <table className={FIGURE_TABLE} data-testid="crosstab">
      <caption className="sr-only">Cases with each theme by {crosstab.attribute.label}; whose coding counts: {crosstab.selectionLabel}</caption>
      <thead className={FIGURE_HEAD}>
        <tr>
          <th>Theme</th>
          {crosstab.categories.map((c) => (
            <th key={c.label}>
              {c.label} <span className="font-normal">({c.cases})</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.codeId}>
            <th scope="row" style={indent(row.depth)}>{row.name}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>
                <a href={relativeQuotesHref(selection, { kind: "category", codeId: row.codeId, attributeId, category: cell.category })}>{cell.cases}</a> <span>({percent(cell.share)})</span>
              </td>
            ))}
          </tr>
        ))}
        {searchRow && projectId && (
          <tr className="border-t-2 border-stone-300" data-testid="crosstab-search-row">
            <th scope="row">Search: {searchRow.name}</th>
            {searchRow.cells.map((cell, i) => (
              <td key={i}>
                {cell.category === null ? cell.cases : <a href={narrowed(projectId, searchRow.params, `${attributeId}:${cell.category}`)}>{cell.cases}</a>}{" "}
                <span>({percent(cell.share)})</span> <span className="text-xs">{cell.hits.toLocaleString("en")}{searchRow.capped ? "+" : ""} {cell.hits === 1 ? "match" : "matches"}</span>
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The saved search's page, narrowed to the cases of one category (replacing its own case filter). */
function narrowed(projectId: string, params: string, caseValue: string): string {
  const next = new URLSearchParams(params);
  next.set("case", caseValue);
  return `/projects/${projectId}/search?${next}`;
}
