import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { passageHref, percent } from "@/lib/analysis/links";
import type { FindingView } from "@/lib/findings/data";
import { evidenceSource } from "@/lib/findings/markdown";

/**
 * One finding as the report prints it: statement, live figure, published figure, evidence.
 * The statement, figure and chart are one block that a printed page never splits; each quote
 * is cited by interview and speaker, the analyst only with `showCoders`.
 */
export function FindingCard({ projectId, finding, index, starred, showCoders = false, children }: {
  projectId: string;
  finding: FindingView;
  index: number;
  /** The pinned codings the team starred as representative, marked with a star. */
  starred?: ReadonlySet<string>;
  showCoders?: boolean;
  children?: React.ReactNode;
}) {
  const r = finding.result;
  const c = finding.comparison;
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-5 print:mt-8 print:border-0 print:p-0" data-testid="finding" aria-labelledby={`finding-${finding.id}`}>
      <div className="break-inside-avoid" data-testid="finding-head">
        <h2 id={`finding-${finding.id}`} className="text-lg font-semibold">
          <span className="text-stone-600">{index + 1}.</span> {finding.statement}
        </h2>
        {finding.figureProblem && <p className="mt-2 text-sm text-red-800">The figure could not be read: {finding.figureProblem}</p>}
        {r && (
          <div className="mt-3 flex flex-wrap items-baseline gap-x-4 gap-y-1">
            {r.details.kind !== "code-ranking" && <span className="text-3xl font-semibold tabular-nums text-teal-900" data-testid="computed">{r.display}</span>}
            {r.fraction && <span className="text-sm text-stone-600">{r.fraction}</span>}
            <span className="text-sm text-stone-600">{r.label}{r.selectionLabel ? ` · whose coding counts: ${r.selectionLabel}` : ""}</span>
            {r.problem && <span className="text-sm text-red-800">{r.problem}</span>}
          </div>
        )}
        {r?.details.kind === "code-ranking" && (
          <div className="mt-3">
            <BarChart
              id={`finding-chart-${finding.id}`}
              title={finding.statement}
              description={r.details.ranking.map((c) => `${c.rank}. ${c.name}: ${c.interviews} interviews (${percent(c.share)})`).join("; ")}
              bars={r.details.ranking.map((c) => ({ label: c.name, value: c.share ?? 0, display: `${percent(c.share)} (${c.interviews})`, colour: "#0f766e" }))}
            />
          <ol className="mt-2 space-y-0.5 text-sm" aria-label="Ranking">
            {r.details.ranking.map((code) => (
              <li key={code.codeId}>
                <span className="inline-block w-6 tabular-nums text-stone-600">{code.rank}.</span>
                <Link href={`/projects/${projectId}/themes/${code.codeId}`} className="hover:underline print:no-underline">{code.name}</Link>: {code.interviews} interviews ({percent(code.share)})
              </li>
            ))}
          </ol>
          </div>
        )}
        {c && (
          <p className={`mt-2 rounded px-2 py-1 text-sm ${c.mismatch ? "bg-red-50 text-red-900" : "bg-teal-50 text-teal-900"}`} data-testid={c.mismatch ? "mismatch" : "match"}>
            Published: {c.statedDisplay}{c.statedText ? ` (“${c.statedText}”)` : ""}; computed {c.computedDisplay}.{" "}
            {c.mismatch ? <strong>The data does not support the published figure.</strong> : "Consistent with the data."}
          </p>
        )}
      </div>
      {finding.evidence.length > 0 && (
        <ul className="mt-4 space-y-3" aria-label="Evidence">
          {finding.evidence.map((e) => (
            <li key={e.codingId} className="break-inside-avoid border-l-4 pl-3" style={{ borderColor: "#0f766e" }}>
              <blockquote className="font-serif text-stone-800">
                {starred?.has(e.codingId) && <span className="mr-1 font-sans text-amber-700" role="img" aria-label="Representative quote" title="Representative quote">★</span>}“{e.quote}”
              </blockquote>
              <p className="mt-1 text-xs text-stone-600" data-testid="evidence-source">
                — {evidenceSource(e, showCoders)}
                <span className="print:hidden">
                  {" "}· {e.codeName}{e.codeDeleted ? " (code deleted)" : ""} ·{" "}
                  <Link href={passageHref(projectId, e.documentId, e.start, e.end)} className="text-teal-800 underline">source</Link>
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
