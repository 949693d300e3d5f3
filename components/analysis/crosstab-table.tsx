import type { CoderSelection } from "@/lib/analysis/coder-selection";
import { percent, relativeQuotesHref } from "@/lib/analysis/links";
import type { Crosstab } from "@/lib/analysis/types";
import { FIGURE_HEAD, FIGURE_TABLE, indent } from "./figure-table";

/** Cases with each theme of a page by category of a case attribute, each count a link to its passages. */
export function CrosstabTable({ crosstab, rows, selection }: { crosstab: Crosstab; rows: Crosstab["rows"]; selection: CoderSelection }) {
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
      </tbody>
    </table>
  );
}
