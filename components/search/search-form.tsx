import { CODED_FILTERS, MAX_QUERY_LENGTH, SEARCH_MODES, SPEAKER_FILTERS } from "@/lib/search/limits";

type Props = {
  projectId: string;
  q: string;
  mode: string;
  speaker: string;
  chosen: readonly string[];
  documents: readonly { id: string; title: string }[];
  /** "<attributeId>:<value>" or "" for all cases. */
  caseValue: string;
  categories: readonly { id: string; name: string; categories: string[] }[];
  /** The coded / not coded filter as chosen ("" = any code, any analyst). */
  coded: { filter: string; code: string; analyst: string };
  codes: readonly { id: string; name: string; depth: number }[];
  analysts: readonly { id: string; name: string }[];
};

/**
 * The search form: a plain GET form, so every search has its own address (bookmark it, send it
 * to a colleague, go back to it) and works before any JavaScript has loaded.
 */
export function SearchForm({ projectId, q, mode, speaker, chosen, documents, caseValue, categories, coded, codes, analysts }: Props) {
  const picked = new Set(chosen);
  return (
    <form method="get" action={`/projects/${projectId}/search`} role="search" aria-label="Search the transcripts" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-64 flex-1 flex-col text-sm">
          <span className="text-xs text-stone-600">Search for</span>
          <input type="search" name="q" defaultValue={q} required maxLength={MAX_QUERY_LENGTH} placeholder='e.g. label, or "machine learning"'
            className="rounded border border-stone-400 px-2 py-1.5 focus:outline-2 focus:outline-teal-700" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-xs text-stone-600">Match</span>
          <select name="mode" defaultValue={mode} className="rounded border border-stone-400 px-2 py-1.5">
            {SEARCH_MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-xs text-stone-600">Spoken by</span>
          <select name="speaker" defaultValue={speaker} className="rounded border border-stone-400 px-2 py-1.5">
            {SPEAKER_FILTERS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        {categories.length > 0 && (
          <label className="flex flex-col text-sm">
            <span className="text-xs text-stone-600">Cases</span>
            <select name="case" defaultValue={caseValue} className="max-w-64 rounded border border-stone-400 px-2 py-1.5">
              <option value="">All cases</option>
              {categories.map((a) => (
                <optgroup key={a.id} label={a.name}>
                  {a.categories.map((c) => <option key={c} value={`${a.id}:${c}`}>{a.name}: {c}</option>)}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className="sr-only">Coded or not</legend>
          <label className="flex flex-col text-sm">
            <span className="text-xs text-stone-600">Hits</span>
            <select name="coded" defaultValue={coded.filter} className="rounded border border-stone-400 px-2 py-1.5">
              {CODED_FILTERS.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="text-xs text-stone-600">Code (and its sub-codes)</span>
            <select name="code" defaultValue={coded.code} className="max-w-56 rounded border border-stone-400 px-2 py-1.5">
              <option value="">Any code</option>
              {codes.map((c) => <option key={c.id} value={c.id}>{"\u00a0\u00a0".repeat(c.depth) + c.name}</option>)}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="text-xs text-stone-600">By</span>
            <select name="analyst" defaultValue={coded.analyst} className="max-w-48 rounded border border-stone-400 px-2 py-1.5">
              <option value="">Any analyst</option>
              {analysts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </label>
        </fieldset>
        <button type="submit" className="rounded bg-teal-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-teal-900 focus:outline-2 focus:outline-offset-2 focus:outline-teal-700">Search</button>
      </div>
      <p className="text-xs text-stone-600">
        All words and any word find forms of a word too (&ldquo;label&rdquo; finds &ldquo;labelling&rdquo;). Put a phrase in &ldquo;double quotes&rdquo; and choose Exact phrase.
        Regular expressions use PostgreSQL&rsquo;s syntax and ignore case.
      </p>
      {documents.length > 0 && (
        <details open={picked.size > 0} className="text-sm">
          <summary className="cursor-pointer text-teal-800 underline">Search only in some interviews{picked.size > 0 ? ` (${picked.size} chosen)` : ""}</summary>
          <fieldset className="mt-2 grid max-h-64 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2">
            <legend className="sr-only">Interviews to search in (none ticked: all of them)</legend>
            {documents.map((d) => (
              <label key={d.id} className="flex items-center gap-2">
                <input type="checkbox" name="documents" value={d.id} defaultChecked={picked.has(d.id)} />
                <span>{d.title}</span>
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </form>
  );
}
