import type { CodeMark } from "./code-marks";

export type LegendEntry = { id: string; name: string; count: number; mark: CodeMark };

/**
 * The codes in view, each with its colour, its line pattern, its margin label, its full name and
 * how many of the codings shown are of it: the key to the margin and the underlines. Collapsible
 * (a native <details>, so keyboard and screen readers know it already).
 */
export function CodeLegend({ entries }: { entries: LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details open className="mb-4 rounded-md border border-stone-200 px-3 py-2 text-sm" data-testid="code-legend">
      <summary className="cursor-pointer font-medium text-stone-800">Codes in view ({entries.length})</summary>
      <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {entries.map(({ id, name, count, mark }) => (
          <li key={id} className="flex min-w-0 items-center gap-2" data-testid="legend-entry">
            <span aria-hidden className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: mark.bar }} />
            <span aria-hidden className="h-0 w-6 shrink-0" style={{ borderBottom: `4px ${mark.pattern} ${mark.bar}` }} />
            <span aria-hidden className="shrink-0 rounded-sm px-1 text-[11px]" style={{ backgroundColor: mark.tint, color: mark.text }}>{mark.label}</span>
            <span className="min-w-0 truncate text-stone-900" title={name}>{name}</span>
            <span className="ml-auto shrink-0 tabular-nums text-stone-600">
              {count}<span className="sr-only"> {count === 1 ? "coding" : "codings"} shown, {mark.pattern} line</span>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
