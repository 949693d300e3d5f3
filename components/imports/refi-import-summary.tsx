"use client";

import Link from "next/link";
import type { ImportSummary } from "@/lib/interop/refi/summary";
import { notImportedHeadline } from "@/lib/interop/refi/summary";

/**
 * What a REFI-QDA import did: what was left out (the headline), what came in, who coded
 * it, and how the file's positions were read. When that reading rests on weak evidence the
 * summary says so and shows passages to check, and every coding the other reading would
 * place on different text, with both texts, so nothing is placed silently on a guess.
 */
export function RefiImportSummary({ summary, onConfirm }: { summary: ImportSummary; onConfirm?: () => void }) {
  const positions = summary.positions;
  const waiting = summary.mode === "awaiting-confirmation";
  return (
    <div role="status" className={`space-y-2 rounded-lg border p-4 ${waiting ? "border-amber-300 bg-amber-50" : "border-teal-200 bg-teal-50"}`} data-testid="refi-summary">
      {waiting ? (
        <div className="space-y-2">
          <p className="font-medium">
            Nothing imported yet: how {summary.fileName}{summary.origin ? ` (made by ${summary.origin})` : ""} counts positions is uncertain, so some passages could be the wrong text.
            Compare the two readings below; import only if the passages read as what was coded.
          </p>
          {onConfirm && (
            <button type="button" onClick={onConfirm} className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800">
              Import with this reading
            </button>
          )}
        </div>
      ) : (
        <p className="font-medium">
          {summary.mode === "new-project" ? "Imported as a new project: " : "Codebook merged into "}
          <Link href={`/projects/${summary.projectId}`} className="underline">{summary.projectName}</Link>
          {summary.origin ? ` (made by ${summary.origin})` : ""}
        </p>
      )}
      <p className={summary.notImported.length > 0 ? "font-medium text-amber-900" : "text-stone-700"} data-testid="refi-not-imported">
        {notImportedHeadline(summary.notImported)}
      </p>
      <p>
        {summary.counts.sources} sources, {summary.counts.codes} codes, {summary.counts.codings} codings, {summary.counts.users} coders, {summary.counts.cases} cases, {summary.counts.variables} variables, {summary.counts.memos} memos.
        {summary.matchedCodes ? ` Matched existing codes: ${summary.matchedCodes.byGuid} by id, ${summary.matchedCodes.byName} by name.` : ""}
      </p>
      {summary.users.length > 0 && (
        <div>
          <p className="text-stone-700">Coders{summary.users.some((u) => u.kind === "placeholder") ? " (all but you are placeholders who cannot sign in)" : ""}:</p>
          <ul className="list-disc pl-5" data-testid="refi-coders">
            {summary.users.map((u) => (
              <li key={u.email}>
                {u.name}
                {u.kind === "you" ? " (you)" : ""}: {u.codings} coding{u.codings === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        </div>
      )}
      {positions && <PositionsReport positions={positions} waiting={waiting} />}
      {summary.warnings.length > 0 && (
        <details>
          <summary className="cursor-pointer text-amber-900">{summary.warnings.length} warning{summary.warnings.length === 1 ? "" : "s"}: what was skipped or could not be placed exactly</summary>
          <ul className="mt-1 list-disc pl-5 text-amber-900">
            {summary.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function PositionsReport({ positions, waiting }: { positions: NonNullable<ImportSummary["positions"]>; waiting: boolean }) {
  const weak = positions.strength === "weak";
  return (
    <div data-testid="refi-positions" className={weak ? "rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" : "text-stone-700"}>
      {weak && <p className="font-medium">The evidence for how this file counts positions is weak: check that these passages are what was coded.</p>}
      <p>{positions.explanation}</p>
      {positions.overrides.length > 0 && (
        <ul className="list-disc pl-5">
          {positions.overrides.map((o) => (
            <li key={o.source}>
              “{o.source}” was read as {o.convention}: its own evidence clearly says so.
            </li>
          ))}
        </ul>
      )}
      {weak && positions.sample.length > 0 && (
        <div className="mt-2">
          <p className="font-medium">{waiting ? "Passages as they would be placed:" : "Passages as placed:"}</p>
          <ul className="list-disc pl-5">
            {positions.sample.map((s, i) => (
              <li key={i}>
                {s.source} ({s.codes}): <q className="whitespace-pre-wrap">{s.quote}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
      {weak && positions.ambiguousTotal > 0 && (
        <details className="mt-2" open={positions.ambiguousTotal <= 10}>
          <summary className="cursor-pointer font-medium">
            {positions.ambiguousTotal} coding{positions.ambiguousTotal === 1 ? " reads" : "s read"} differently if the file counts as {positions.alternative}
          </summary>
          <table className="mt-1 w-full text-left text-xs">
            <thead>
              <tr>
                <th scope="col" className="pr-2">Source</th>
                <th scope="col" className="pr-2">Codes (coders)</th>
                <th scope="col" className="pr-2">{waiting ? "Would be imported as" : "Imported as"}</th>
                <th scope="col">The other reading</th>
              </tr>
            </thead>
            <tbody>
              {positions.ambiguous.map((a, i) => (
                <tr key={i} className="align-top">
                  <td className="pr-2">{a.source}</td>
                  <td className="pr-2">{a.codes} ({a.coders})</td>
                  <td className="whitespace-pre-wrap pr-2">“{a.chosen}”</td>
                  <td className="whitespace-pre-wrap">{a.alternative === null ? "(outside the text)" : `“${a.alternative}”`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {positions.ambiguousTotal > positions.ambiguous.length && <p>… and {positions.ambiguousTotal - positions.ambiguous.length} more (the command-line import lists them all the same way).</p>}
        </details>
      )}
    </div>
  );
}
