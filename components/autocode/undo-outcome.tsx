"use client";

export type UndoData = { batchId: string; deleted: number; kept: { id: string; documentTitle: string; quote: string }[] };

/** What an undo did, naming the codings it kept because someone had worked on them. */
export function UndoOutcome({ result }: { result: UndoData }) {
  return (
    <div role="status" className="mb-2 rounded border border-stone-200 bg-stone-50 p-2 text-sm text-stone-800">
      <p>Undone: {result.deleted.toLocaleString("en")} {result.deleted === 1 ? "coding" : "codings"} deleted.</p>
      {result.kept.length > 0 && (
        <>
          <p className="mt-1">Kept {result.kept.length.toLocaleString("en")}, because someone edited, commented, pinned or starred them since:</p>
          <ul className="mt-1 list-disc pl-5">
            {result.kept.slice(0, 20).map((k) => (
              <li key={k.id}>
                {k.documentTitle}: “{k.quote.length > 120 ? `${k.quote.slice(0, 120)}…` : k.quote}”
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
