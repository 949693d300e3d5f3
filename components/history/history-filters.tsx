import Link from "next/link";
import { HISTORY_KINDS, KIND_LABELS } from "@/lib/history/kinds";
import type { HistoryFilters as Filters } from "@/lib/history/schema";

type Option = { id: string; label: string };

/** The history page's filters, a plain GET form: links to a filtered history can be shared. */
export function HistoryFilters({ projectId, filters, people, documents, codes }: { projectId: string; filters: Filters; people: Option[]; documents: Option[]; codes: Option[] }) {
  const select = (name: keyof Filters, label: string, any: string, options: Option[]) => (
    <label className="flex flex-col">
      <span className="text-xs text-stone-700">{label}</span>
      <select name={name} defaultValue={filters[name] ?? ""} className="max-w-56 rounded border border-stone-300 px-2 py-1">
        <option value="">{any}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
    </label>
  );
  const filtered = Boolean(filters.person || filters.kind || filters.document || filters.code || filters.from || filters.to);
  return (
    <form method="get" aria-label="Filter the history" className="flex flex-wrap items-end gap-3 text-sm">
      {select("person", "Who", "anyone", people)}
      {select("kind", "Kind of change", "any kind", HISTORY_KINDS.map((k) => ({ id: k, label: KIND_LABELS[k] })))}
      {select("document", "Interview", "any interview", documents)}
      {select("code", "Code", "any code", codes)}
      <label className="flex flex-col">
        <span className="text-xs text-stone-700">From (UTC)</span>
        <input type="date" name="from" defaultValue={filters.from ?? ""} className="rounded border border-stone-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-stone-700">To (UTC, included)</span>
        <input type="date" name="to" defaultValue={filters.to ?? ""} className="rounded border border-stone-300 px-2 py-1" />
      </label>
      <button type="submit" className="rounded border border-stone-400 px-3 py-1 focus-visible:outline-2 focus-visible:outline-teal-800">Filter</button>
      {filtered && <Link href={`/projects/${projectId}/history`} className="self-center text-teal-800 underline">Show everything</Link>}
    </form>
  );
}
