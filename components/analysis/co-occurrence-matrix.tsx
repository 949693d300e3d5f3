import type { CoderSelection } from "@/lib/analysis/coder-selection";
import { relativeQuotesHref } from "@/lib/analysis/links";
import type { CoOccurrence } from "@/lib/analysis/types";

/**
 * Codes by codes: interviews with both (overlapping passages in brackets), each a link to the
 * interviews behind it. The row and column headers name a cell's pair, so cells carry no
 * title of their own (40 x 40 titles repeating two names were most of the matrix's bytes).
 * The matrix is symmetric, so each pair is shown once, below the diagonal: the mirrored half
 * doubled the markup (and the page's RSC payload) without saying anything more.
 */
export function CoOccurrenceMatrix({ cooccurrence, selection }: { cooccurrence: CoOccurrence; selection: CoderSelection }) {
  const cells = new Map(cooccurrence.cells.map((c) => [`${c.codeIds[0]}\u0000${c.codeIds[1]}`, c]));
  // Its own scroll box, focusable so the keyboard can scroll it, with room on the right for the
  // slanted column names, which a transform does not count in the table's width.
  return (
    <div role="region" aria-label="Co-occurrence table (scrolls sideways)" tabIndex={0} className="max-w-full overflow-x-auto pr-24 focus-visible:outline-2 focus-visible:outline-teal-800" data-testid="cooccurrence-region">
    <table className="text-xs [&_td]:px-1 [&_td]:py-1 [&_td]:text-center [&_td]:tabular-nums [&_td]:text-stone-600 [&_td_a]:text-teal-800 [&_td_a:hover]:underline [&_tbody_tr]:border-t [&_tbody_tr]:border-stone-100" data-testid="cooccurrence">
      <caption className="sr-only">Interviews in which two themes both occur; whose coding counts: {cooccurrence.selectionLabel}</caption>
      <thead>
        <tr>
          <th />
          {cooccurrence.codes.map((c) => (
            <th key={c.codeId} scope="col" className="h-32 px-1 align-bottom font-normal text-stone-600"><span className="inline-block max-w-[8rem] -rotate-60 origin-bottom-left translate-x-3 whitespace-nowrap">{c.name}</span></th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cooccurrence.codes.map((a, row) => (
          <tr key={a.codeId}>
            <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">{a.name}</th>
            {cooccurrence.codes.map((b, i) => {
              if (i > row) return <td key={i} />;
              if (i === row) return <td key={i} className="bg-stone-100" />;
              const pair = [a.codeId, b.codeId].sort() as [string, string];
              const cell = cells.get(`${pair[0]}\u0000${pair[1]}`);
              return (
                <td key={i}>
                  {cell ? <a href={relativeQuotesHref(selection, { kind: "pair", codeIds: pair, scope: "interviews" })}>{cell.passages > 0 ? `${cell.interviews} (${cell.passages})` : cell.interviews}</a> : "·"}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
