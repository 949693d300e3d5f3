import { methodsSentences, reportDate } from "@/lib/findings/markdown";
import type { ReportMethods } from "@/lib/findings/report";

/**
 * The report's front matter: on screen a heading, the description and the methods; printed,
 * a title page of its own (the study's name, description and date) and then the methods,
 * which the findings follow.
 */
export function ReportFront({ title, description, generatedAt, selectionLabel, methods }: { title: string; description: string; generatedAt: Date; selectionLabel: string; methods: ReportMethods }) {
  return (
    <>
      <section className="space-y-3 print:flex print:min-h-[60vh] print:break-after-page print:flex-col print:justify-center" aria-labelledby="report-title" data-testid="title-page">
        <h1 id="report-title" className="text-2xl font-semibold print:text-4xl">
          <span className="print:hidden">Findings: </span>{title}
        </h1>
        {description.trim() && <p className="max-w-prose whitespace-pre-line text-stone-700 print:text-lg">{description}</p>}
        <p className="text-sm text-stone-600">Findings report, {reportDate(generatedAt)}. Whose coding counts: {selectionLabel}.</p>
      </section>
      <section className="rounded-lg border border-stone-200 bg-white p-5 print:border-0 print:p-0" aria-labelledby="methods-heading" data-testid="methods">
        <h2 id="methods-heading" className="text-lg font-semibold">Methods</h2>
        {methodsSentences(methods).map((sentence, i) => <p key={i} className="mt-2 max-w-prose text-sm text-stone-800">{sentence}</p>)}
      </section>
    </>
  );
}
