"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteSavedSearchAction } from "@/lib/search/actions";

type Saved = {
  id: string;
  name: string;
  params: string;
  createdBy: string | null;
  mayDelete: boolean;
  count: { hits: number; interviews: number; capped: boolean } | { problem: string };
};

const countText = (count: Saved["count"]) =>
  "problem" in count
    ? count.problem
    : `${count.hits.toLocaleString("en")}${count.capped ? "+" : ""} ${count.hits === 1 ? "match" : "matches"} in ${count.interviews} ${count.interviews === 1 ? "interview" : "interviews"}`;

/** The project's saved searches with their counts now; each re-runs on the search page. */
export function SavedSearches({ projectId, saved }: { projectId: string; saved: readonly Saved[] }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = (s: Saved) => {
    if (!window.confirm(`Delete the saved search "${s.name}"? The transcripts and codings are not changed.`)) return;
    startTransition(async () => {
      const result = await deleteSavedSearchAction({ projectId, savedSearchId: s.id });
      if (!result.ok) return setProblem(result.error.message);
      setProblem(null);
      router.refresh();
    });
  };

  return (
    <section aria-labelledby="saved-heading" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
      <h2 id="saved-heading" className="font-semibold">Saved searches</h2>
      {saved.length === 0 ? (
        <p className="mt-1 text-stone-600">None yet. Run a search and save it to re-run it later, export its hits, or compare it with a theme in the summaries&rsquo; table by case.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100">
          {saved.map((s) => (
            <li key={s.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-1.5">
              <Link href={`/projects/${projectId}/search?${s.params}`} className="font-medium text-teal-800 underline">{s.name}</Link>
              <span className={"problem" in s.count ? "text-red-800" : "text-stone-700"}>{countText(s.count)}</span>
              {s.createdBy && <span className="text-xs text-stone-600">saved by {s.createdBy}</span>}
              {!("problem" in s.count) && (
                <span className="text-xs">
                  Matches as{" "}
                  <a href={`/api/projects/${projectId}/export/search?savedSearchId=${s.id}&format=csv`} className="text-teal-800 underline" aria-label={`${s.name}: matches as CSV`}>CSV</a>{" "}
                  <a href={`/api/projects/${projectId}/export/search?savedSearchId=${s.id}&format=xlsx`} className="text-teal-800 underline" aria-label={`${s.name}: matches as Excel`}>Excel</a>
                </span>
              )}
              {s.mayDelete && (
                <button type="button" disabled={pending} onClick={() => remove(s)} className="ml-auto text-xs text-red-800 underline disabled:opacity-60" aria-label={`Delete the saved search ${s.name}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && <p role="alert" className="mt-2 text-red-800">{problem}</p>}
    </section>
  );
}
