import type { AgreementTable } from "@/lib/rigour/agreement";
import { type AgreementRow, type Figure, OVERALL_LABEL, figureNotes } from "@/lib/rigour/agreement-table";
import { formatCoefficient, formatPercent } from "@/lib/rigour/methods";

/**
 * The agreement table: one row per code of the codebook and the overall row. An undefined
 * figure shows as "n/a" with its reason in the Notes column (never NaN, never 100% for a code
 * nobody applied); a figure resting on too few units is marked and explained. The overall row
 * says in its notes how it was pooled and which codes it leaves out.
 */
export function AgreementTableView({ table }: { table: AgreementTable }) {
  const names = new Map(table.codes.map((c) => [c.id, c]));
  // Notes every row carries (kappa with three analysts, percent for spans) are said once, above.
  const all = [...table.rows, table.overall].map(figureNotes);
  const common = all[0].filter((n) => all.every((list) => list.includes(n)));
  return (
    <>
    {common.length > 0 && (
      <ul className="mt-3 text-sm text-stone-600">
        {common.map((n) => <li key={n}>{n}.</li>)}
      </ul>
    )}
    <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm" aria-label="Agreement by code">
        <thead className="bg-stone-50 text-left text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Code</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{table.unit === "span" ? "Spans" : "Units"}</th>
            {table.coders.map((c) => (
              <th key={c.id} scope="col" className="px-3 py-2 text-right font-medium">
                {c.name}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">Percent agreement</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Cohen&apos;s kappa</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Krippendorff&apos;s alpha</th>
            <th scope="col" className="px-3 py-2 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {table.rows.map((row) => {
            const code = names.get(row.codeId!)!;
            return <Row key={row.codeId} row={row} label={code.name} colour={code.colour} depth={code.depth} common={common} />;
          })}
        </tbody>
        <tfoot className="border-t-2 border-stone-300 font-medium">
          <Row row={table.overall} label={OVERALL_LABEL} testId="overall-row" common={common} pooling={table.pooling} />
        </tfoot>
      </table>
    </div>
    </>
  );
}


function Row({ row, label, colour, depth = 0, testId, common, pooling }: { row: AgreementRow; label: string; colour?: string; depth?: number; testId?: string; common: string[]; pooling?: string }) {
  const unique = figureNotes(row).filter((n) => !common.includes(n));
  return (
    <tr className={row.inUse ? "" : "text-stone-600"} data-testid={testId ?? "code-row"}>
      <th scope="row" className="px-3 py-2 text-left font-normal" style={{ paddingLeft: `${0.75 + depth * 1.1}rem` }}>
        <span className="inline-flex items-center gap-2">
          {colour && <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: colour }} aria-hidden />}
          {label}
        </span>
      </th>
      <td className="px-3 py-2 text-right tabular-nums">{row.units}</td>
      {row.perCoder.map((n, i) => (
        <td key={i} className="px-3 py-2 text-right tabular-nums">{n}</td>
      ))}
      <Cell figure={row.percent} format={formatPercent} />
      <Cell figure={row.kappa} format={(v) => formatCoefficient(v, 3)} />
      <Cell figure={row.alpha} format={(v) => formatCoefficient(v, 3)} testId={testId ? "overall-alpha" : undefined} />
      <td className="px-3 py-2 text-xs text-stone-600">
        {pooling && <p className="font-normal text-stone-700" data-testid="overall-pooling">{pooling}</p>}
        {row.stabilityNote && <p className="text-amber-800">⚠ {row.stabilityNote}</p>}
        {unique.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </td>
    </tr>
  );
}

function Cell({ figure, format, testId }: { figure: Figure; format: (v: number) => string; testId?: string }) {
  return (
    <td className="px-3 py-2 text-right tabular-nums" data-testid={testId}>
      {figure.value === null ? <span title={figure.note} aria-label={`not computed: ${figure.note}`}>n/a</span> : format(figure.value)}
    </td>
  );
}
