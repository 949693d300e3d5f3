"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Code, PendingSelection } from "./types";

// Options listed at once: a codebook of 10,000 codes must not draw 10,000 rows each time a passage is selected.
const MAX_OPTIONS = 100;

type Props = {
  selection: PendingSelection;
  codes: Code[];
  recent: string[];
  focusFilter: boolean;
  onApply: (codeId: string) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
};

/**
 * Opens at the selected passage. Shortcut keys apply a code straight away (handled by the
 * workspace, which owns the keyboard); "/" or a click puts the caret in the filter, where
 * typing filters, arrows move, Enter applies, and a new name offers to create the code.
 */
export function CodePicker({ selection, codes, recent, focusFilter, onApply, onCreate, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusFilter) input.current?.focus();
  }, [focusFilter]);

  const q = query.trim().toLowerCase();
  const matches = useMemo(() => {
    if (!q) {
      const recentCodes = recent.map((id) => codes.find((c) => c.id === id)).filter((c): c is Code => !!c);
      return [...recentCodes, ...codes.filter((c) => !recent.includes(c.id))];
    }
    return codes
      .filter((c) => c.name.toLowerCase().includes(q))
      .sort((a, b) => Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)));
  }, [q, codes, recent]);
  const exact = codes.some((c) => c.name.toLowerCase() === q);
  const listed = matches.slice(0, MAX_OPTIONS);
  const options = [...listed.map((c) => ({ kind: "code" as const, code: c })), ...(q && !exact ? [{ kind: "create" as const, name: query.trim() }] : [])];

  const choose = (i: number) => {
    const option = options[i];
    if (!option) return;
    if (option.kind === "code") onApply(option.code.id);
    else onCreate(option.name);
    setQuery("");
  };

  const top = Math.min(selection.rect.bottom + 8, window.innerHeight - 340);
  const left = Math.min(Math.max(8, selection.rect.left), window.innerWidth - 300);
  return (
    <div
      role="dialog"
      aria-label="Tag the selected passage"
      data-testid="code-picker"
      className="fixed z-40 w-72 rounded-lg border border-stone-300 bg-white shadow-xl"
      style={{ top, left }}
      onMouseDown={(e) => e.target !== input.current && e.preventDefault() /* keep the text selection */}
    >
      <div className="border-b border-stone-200 p-2">
        <input
          ref={input}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
            else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
            else if (e.key === "Enter") choose(active);
            else if (e.key === "Escape") onClose();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
          placeholder="Filter or create a code…"
          aria-label="Filter codes"
          className="w-full rounded border border-stone-300 px-2 py-1 text-sm"
        />
        <p className="mt-1 text-xs text-stone-500">Shortcut key tags at once · / to filter · Esc closes</p>
      </div>
      <ul role="listbox" aria-label="Codes" className="max-h-64 overflow-auto py-1 text-sm">
        {options.map((option, i) => (
          <li
            key={option.kind === "code" ? option.code.id : "create"}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(i)}
            className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${i === active ? "bg-teal-50" : ""}`}
          >
            {option.kind === "code" ? (
              <>
                <span className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: option.code.colour }} />
                <span className="flex-1 truncate">{option.code.name}</span>
                {!q && recent.includes(option.code.id) && <span className="text-[10px] uppercase text-stone-400">recent</span>}
                {option.code.shortcut && <kbd className="rounded border border-stone-300 px-1 text-xs text-stone-600">{option.code.shortcut}</kbd>}
              </>
            ) : (
              <span className="text-teal-800">Create code “{option.name}” and tag</span>
            )}
          </li>
        ))}
        {options.length === 0 && <li className="px-3 py-2 text-stone-500">No codes yet: type a name to create one.</li>}
        {matches.length > listed.length && (
          <li className="px-3 py-1.5 text-xs text-stone-500" data-testid="picker-more">
            {listed.length} of {matches.length.toLocaleString("en")} codes shown: type to narrow.
          </li>
        )}
      </ul>
    </div>
  );
}
