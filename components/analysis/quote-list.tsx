import Link from "next/link";
import type { Quote } from "@/lib/analysis/quotes-data";
import { passageHref } from "@/lib/analysis/links";

/** Passages grouped by interview, each linking to its exact place in the transcript. */
export function QuoteList({ projectId, quotes }: { projectId: string; quotes: Quote[] }) {
  if (quotes.length === 0) return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">No passages here.</p>;
  const byDocument = new Map<string, Quote[]>();
  for (const q of quotes) (byDocument.get(q.documentId) ?? byDocument.set(q.documentId, []).get(q.documentId)!).push(q);
  return (
    <div className="space-y-6" data-testid="quote-list">
      {[...byDocument.values()].map((group) => (
        <section key={group[0].documentId} aria-label={group[0].documentTitle}>
          <h3 className="font-medium">
            {group[0].documentTitle} {group[0].caseName && <span className="text-sm font-normal text-stone-500">· case {group[0].caseName}</span>}
          </h3>
          <ul className="mt-2 space-y-3">
            {group.map((q) => (
              <li key={`${q.start}-${q.end}-${q.codes.map((c) => c.id).join()}`} className="rounded-md border border-stone-200 bg-white p-3">
                <blockquote className="whitespace-pre-wrap font-serif text-stone-800">“{q.text}”</blockquote>
                <p className="mt-2 text-xs text-stone-500">
                  {q.codes.map((c) => c.name).join(" + ")} · coded by {[...new Set(q.codings.map((c) => c.coderName))].join(", ")} ·{" "}
                  <Link href={passageHref(projectId, q.documentId, q.start, q.end)} className="text-teal-800 underline">open in the transcript</Link>
                </p>
                {q.codings.filter((c) => c.memo).map((c) => (
                  <p key={c.id} className="mt-1 text-xs text-stone-700">Memo ({c.coderName}): {c.memo}</p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
