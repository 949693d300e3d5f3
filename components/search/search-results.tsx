import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { pageWindow } from "@/lib/analysis/paging";
import type { SearchResult } from "@/lib/search/data";
import { HIT_CAP, INTERVIEWS_PER_PAGE } from "@/lib/search/limits";

const n = (x: number) => x.toLocaleString("en");

/** "<N> matches in <M> interviews", then each interview's hits as keywords in context. */
export function SearchResults({ projectId, result, href, tickForm }: { projectId: string; result: SearchResult; href: (page: number) => string; tickForm?: string }) {
  const plus = result.capped ? "+" : "";
  const summary = `${n(result.totalHits)}${plus} ${result.totalHits === 1 && !plus ? "match" : "matches"} in ${n(result.totalInterviews)}${plus} ${result.totalInterviews === 1 && !plus ? "interview" : "interviews"}`;
  return (
    <section aria-labelledby="search-summary" className="space-y-4">
      <h2 id="search-summary" className="text-lg font-semibold" data-testid="search-summary">{summary}</h2>
      {result.capped && <p className="text-sm text-stone-600">Counting stopped at {n(HIT_CAP)} matches. Narrow the search (a phrase, some interviews, one kind of speaker) to see every one.</p>}
      {result.groups.map((group) => (
        <article key={group.document.id} aria-labelledby={`doc-${group.document.id}`} className="rounded-lg border border-stone-200 bg-white">
          <h3 id={`doc-${group.document.id}`} className="flex items-baseline justify-between gap-3 border-b border-stone-200 px-4 py-2 font-medium">
            <Link href={`/projects/${projectId}/documents/${group.document.id}`} className="text-teal-800 underline">{group.document.title}</Link>
            <span className="text-sm font-normal text-stone-600">{n(group.hitCount)} {group.hitCount === 1 ? "match" : "matches"}</span>
          </h3>
          <ol className="divide-y divide-stone-100">
            {group.hits.map((hit) => (
              <li key={hit.start} className="flex items-start">
                {tickForm && (
                  <input type="checkbox" form={tickForm} name="hit" value={`${group.document.id}:${hit.start}:${hit.end}`} className="mt-3 ml-3"
                    aria-label={`Tick for coding: ${hit.match} in ${group.document.title}`} />
                )}
                <Link href={`/projects/${projectId}/documents/${group.document.id}?start=${hit.start}&end=${hit.end}`}
                  className="block flex-1 px-4 py-2 text-sm text-stone-800 hover:bg-stone-50 focus:outline-2 focus:outline-teal-700"
                  aria-label={`${hit.speaker ? `${hit.speaker}: ` : ""}${hit.before}${hit.match}${hit.after} (open the transcript here)`}>
                  {hit.speaker && <span className="mr-2 text-xs font-semibold text-stone-600">{hit.speaker}</span>}
                  {hit.cutBefore && "… "}{hit.before}<mark className="rounded bg-amber-200 px-0.5 text-stone-950">{hit.match}</mark>{hit.after}{hit.cutAfter && " …"}
                </Link>
              </li>
            ))}
          </ol>
          {group.hitCount > group.hits.length && (
            <p className="border-t border-stone-100 px-4 py-2 text-sm text-stone-600">
              and {n(group.hitCount - group.hits.length)} more in this interview; open it to read them.
            </p>
          )}
        </article>
      ))}
      <Pager paged={pageWindow(result.totalInterviews, result.page, INTERVIEWS_PER_PAGE)} noun="interviews" href={href} />
    </section>
  );
}
