import Link from "next/link";
import type { Quote } from "@/lib/analysis/quotes-data";
import { passageHref } from "@/lib/analysis/links";
import { passageStar, type StarInfo } from "@/lib/stars/passages";
import { StarToggle } from "@/components/stars/star-toggle";

/** The stars of the listed passages' codings; without it (the /quotes page) no stars are shown. */
export type QuoteStars = { byCoding: ReadonlyMap<string, StarInfo>; readerId: string; editable: boolean };

/** Passages grouped by interview, each linking to its exact place in the transcript. */
export function QuoteList({ projectId, quotes, stars }: { projectId: string; quotes: Quote[]; stars?: QuoteStars }) {
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
              <li key={`${q.start}-${q.end}-${q.codes.map((c) => c.id).join()}`} className="rounded-md border border-stone-200 bg-white p-3" data-testid="quote">
                <div className="flex items-start gap-3">
                  <blockquote className="flex-1 whitespace-pre-wrap font-serif text-stone-800">“{q.text}”</blockquote>
                  {stars && <PassageStarToggle projectId={projectId} quote={q} stars={stars} />}
                </div>
                <p className="mt-2 text-xs text-stone-500">
                  {q.speakers.length > 0 && <>{q.speakers.join(", ")} · </>}
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

function PassageStarToggle({ projectId, quote, stars }: { projectId: string; quote: Quote; stars: QuoteStars }) {
  // A consensus passage is the adjudicators' span, not an analyst's coding: nothing to star.
  if (quote.codings.every((c) => c.layer === "consensus")) return null;
  const star = passageStar(quote, stars.byCoding, stars.readerId);
  // Keyed by the server's answer, so a fresh render after someone else's change replaces the toggle's own state.
  return <StarToggle key={String(star.starred)} projectId={projectId} star={star} editable={stars.editable} />;
}
