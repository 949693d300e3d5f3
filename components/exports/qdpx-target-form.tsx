import { DEFAULT_EXPORT_TARGET, EXPORT_TARGETS, TARGET_LAYOUTS } from "@/lib/interop/refi/export-targets";

/**
 * The whole project as a REFI-QDA .qdpx, written for the tool that will open it: tools count
 * selection positions differently (README, "Exchanging projects with other tools"). A plain
 * GET form, so it works without JavaScript; the route checks the choice.
 */
export function QdpxTargetForm({ projectId }: { projectId: string }) {
  return (
    <form method="get" action={`/api/projects/${projectId}/export/qdpx`} className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">Whole project for another QDA tool (.qdpx)</h2>
      <p className="mt-1 text-stone-700">Codes, codings with their analysts, cases, attributes and memos, as REFI-QDA. Choose the tool that will open it, so every passage lands on the same words there.</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <label className="block">
          <span className="font-medium">Open it in</span>
          <select
            name="target"
            defaultValue={DEFAULT_EXPORT_TARGET}
            className="mt-1 block rounded border border-stone-400 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            {EXPORT_TARGETS.map((target) => (
              <option key={target} value={target}>
                {TARGET_LAYOUTS[target].label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        >
          Download .qdpx
        </button>
      </div>
    </form>
  );
}
