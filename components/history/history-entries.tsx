import type { HistoryItem } from "@/lib/history/describe";
import { RestoreButton } from "./restore-button";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * A list of history entries: who, what in words, when (UTC, as the date filters), the fields
 * that changed from and to, and the raw record folded away. `restorable` says which deletions
 * the reader may restore (lib/history/permissions.ts).
 */
export function HistoryEntries({ projectId, items, restorable, compact = false }: { projectId: string; items: HistoryItem[]; restorable: ReadonlySet<string>; compact?: boolean }) {
  return (
    <ol className="space-y-2" data-testid="history-entries">
      {items.map((item) => (
        <li key={item.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm" data-testid="history-entry" data-action={item.action}>
          <p>
            <span className="font-medium">{item.actor ?? "Someone no longer on the server"}</span> {item.verb}
            {item.target && <> <span className="font-medium">{item.target}</span></>}
          </p>
          <p className="text-xs text-stone-600"><time dateTime={item.at}>{when.format(new Date(item.at))} UTC</time></p>
          {item.changes.length > 0 && (
            <table className="mt-2 w-full table-fixed border-collapse text-xs">
              <caption className="sr-only">Fields changed</caption>
              <thead>
                <tr className="text-left text-stone-600"><th scope="col" className="w-1/5 font-normal">Field</th><th scope="col" className="font-normal">Before</th><th scope="col" className="font-normal">After</th></tr>
              </thead>
              <tbody>
                {item.changes.slice(0, compact ? 4 : 12).map((c) => (
                  <tr key={c.field} className="border-t border-stone-100 align-top">
                    <th scope="row" className="py-0.5 pr-2 text-left font-normal text-stone-700">{c.field}</th>
                    <td className="break-words py-0.5 pr-2 text-stone-800">{c.before ? <del className="decoration-red-700">{c.before}</del> : <span className="text-stone-600">—</span>}</td>
                    <td className="break-words py-0.5 text-stone-800">{c.after ? <ins className="no-underline">{c.after}</ins> : <span className="text-stone-600">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!compact && (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-stone-700">Record as stored</summary>
              <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-stone-800">{JSON.stringify({ action: item.action, before: item.before, after: item.after }, null, 2)}</pre>
            </details>
          )}
          {restorable.has(item.id) && item.restore && <div className="mt-2"><RestoreButton projectId={projectId} eventId={item.id} what={item.restore} /></div>}
        </li>
      ))}
    </ol>
  );
}
