import type { HistoryEntry } from "@/lib/codes/history";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** The codebook's history as a list: who did what to which code, when, with fields as they were and became. */
export function HistoryList({ entries, showCode = true }: { entries: HistoryEntry[]; showCode?: boolean }) {
  if (entries.length === 0) return <p className="text-sm text-stone-600">No changes recorded yet.</p>;
  return (
    <ol className="divide-y divide-stone-200 text-sm" data-testid="codebook-history">
      {entries.map((e) => (
        <li key={e.id} className="py-2">
          <p>
            <span className="font-medium">{e.actor ?? "Someone (account removed)"}</span> {e.verb}{" "}
            {showCode && <span className="font-medium">“{e.codeName}”</span>}
            {e.detail && <span className="text-stone-700"> {e.detail}</span>}
            <span className="ml-2 text-xs text-stone-600">{when(e.at)}</span>
          </p>
          {e.changes.length > 0 && (
            <dl className="mt-1 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[8rem_1fr_1fr]">
              {e.changes.map((c) => (
                <div key={c.field} className="contents">
                  <dt className="font-medium text-stone-700">{c.field}</dt>
                  <dd className="whitespace-pre-line text-stone-700"><span className="sr-only">was </span>{c.before ? <del className="decoration-stone-400">{c.before}</del> : <em className="text-stone-600">(empty)</em>}</dd>
                  <dd className="whitespace-pre-line text-stone-900"><span className="sr-only">became </span>{c.after ? <ins className="no-underline">{c.after}</ins> : <em className="text-stone-600">(empty)</em>}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
