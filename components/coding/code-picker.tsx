"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { isSearch, pathLabel, searchCodes, type CodeIndex } from "@/lib/codes/search";
import { flattenCodeTree } from "@/lib/codes/tree";
import type { Code, PendingSelection } from "./types";
import { useRowWindow } from "./use-row-window";

// Rows of a fixed height, so a codebook of thousands draws only the rows in view (use-row-window.ts).
const ROW_HEIGHT = 32;
const LIST_HEIGHT = 256;

type Props = {
  selection: PendingSelection;
  codes: Code[];
  /** indexCodes(codes): names and paths, built once for the workspace. */
  index: CodeIndex<Code>;
  recent: string[];
  focusFilter: boolean;
  onApply: (codeId: string) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
};

type Option = { kind: "code"; code: Code } | { kind: "create"; name: string };

/**
 * Opens at the selected passage. Shortcut keys apply a code straight away (handled by the
 * workspace, which owns the keyboard); "/" or a click puts the caret in the filter, where
 * typing filters by name or path ("Why AWS / Cost"), arrows, Page Up/Down, Home and End move,
 * Enter applies, Escape closes, and a new name offers to create the code. Unfiltered, the
 * analyst's recent codes come first (with their place in the tree), then the whole codebook
 * as a tree, indented by depth; filtered, each match names its parents.
 */
export function CodePicker({ selection, codes, index, recent, focusFilter, onApply, onCreate, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusFilter) input.current?.focus();
  }, [focusFilter]);

  const searching = isSearch(query);
  const recentCodes = useMemo(() => {
    const byId = new Map(codes.map((c) => [c.id, c]));
    return recent.map((id) => byId.get(id)).filter((c): c is Code => !!c);
  }, [codes, recent]);
  const recentCount = searching ? 0 : recentCodes.length;
  const options = useMemo((): Option[] => {
    // Recent codes also keep their place in the tree below, so the tree reads whole.
    if (!searching) return [...recentCodes, ...flattenCodeTree(codes)].map((code) => ({ kind: "code", code }));
    const name = query.trim();
    const exact = codes.some((c) => c.name.toLowerCase() === name.toLowerCase());
    const found: Option[] = searchCodes(index, query).map((code) => ({ kind: "code", code }));
    // "Theme / part" is a path search; it offers to create a code only when nothing matches.
    return exact || (name.includes("/") && found.length > 0) ? found : [...found, { kind: "create", name }];
  }, [searching, query, codes, index, recentCodes]);
  const list = useRowWindow<HTMLDivElement>(options.length, ROW_HEIGHT, LIST_HEIGHT);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(to, options.length - 1));
    setActive(next);
    list.show(next);
  };
  const choose = (i: number) => {
    const option = options[i];
    if (!option) return;
    if (option.kind === "code") onApply(option.code.id);
    else onCreate(option.name);
    setQuery("");
  };

  const top = Math.min(selection.rect.bottom + 8, window.innerHeight - 340);
  // The picker is 20rem (320 px) wide: kept 8 px inside the window, the left edge winning on a phone.
  const left = Math.max(8, Math.min(selection.rect.left, window.innerWidth - 328));
  const { start, end, before, after } = list.window;
  return (
    <div
      role="dialog"
      aria-label="Tag the selected passage"
      data-testid="code-picker"
      className="fixed z-40 w-80 rounded-lg border border-stone-300 bg-white shadow-xl"
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
            list.reset();
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") move(active + 1);
            else if (e.key === "ArrowUp") move(active - 1);
            else if (e.key === "PageDown") move(active + Math.floor(LIST_HEIGHT / ROW_HEIGHT));
            else if (e.key === "PageUp") move(active - Math.floor(LIST_HEIGHT / ROW_HEIGHT));
            else if (e.key === "Home" && query === "") move(0);
            else if (e.key === "End" && query === "") move(options.length - 1);
            else if (e.key === "Enter") choose(active);
            else if (e.key === "Escape") onClose();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
          placeholder="Filter by name or path (Theme / code)…"
          aria-label="Filter codes"
          role="combobox"
          aria-expanded
          aria-controls="code-picker-options"
          aria-activedescendant={options[active] ? `code-option-${active}` : undefined}
          className="w-full rounded border border-stone-300 px-2 py-1 text-sm"
        />
        <p className="mt-1 text-xs text-stone-600">Shortcut key tags at once · / to filter · ↑↓ Enter to pick · Esc closes</p>
      </div>
      {/* The box scrolls; the list inside has the whole list's height, its undrawn rows as padding. */}
      <div ref={list.ref} onScroll={list.onScroll} className="overflow-auto" style={{ maxHeight: LIST_HEIGHT }}>
      <ul id="code-picker-options" role="listbox" aria-label="Codes" className="text-sm" style={{ paddingTop: before, paddingBottom: after }}>
        {options.slice(start, end).map((option, offset) => {
          const i = start + offset;
          const path = option.kind === "code" ? index.paths.get(option.code.id) : undefined;
          // The tree part of the unfiltered list shows depth by indent; recent codes and
          // matches, out of their place in the tree, name their parents instead.
          const inTree = !searching && option.kind === "code" && i >= recentCount;
          const indent = inTree && path ? path.length : 0;
          return (
            <li
              key={option.kind === "code" ? option.code.id : "create"}
              id={`code-option-${i}`}
              role="option"
              aria-selected={i === active}
              aria-posinset={i + 1}
              aria-setsize={options.length}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
              className={`flex cursor-pointer items-center gap-2 pr-3 ${i === active ? "bg-teal-50 outline outline-2 -outline-offset-2 outline-teal-700" : ""} ${i === recentCount && recentCount > 0 && !searching ? "border-t border-stone-300" : ""}`}
              style={{ height: ROW_HEIGHT, paddingLeft: `${0.75 + indent * 1}rem` }}
            >
              {option.kind === "code" ? (
                <>
                  <span className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: option.code.colour }} />
                  <span className={`min-w-0 shrink truncate ${inTree && index.parents.has(option.code.id) ? "font-medium" : ""}`}>{option.code.name}</span>
                  {!inTree && path && path.length > 0 ? <span className="min-w-0 flex-1 truncate text-xs text-stone-600" title={pathLabel(path)}>in {pathLabel(path)}</span> : <span className="flex-1" />}
                  {!searching && i < recentCount && <span className="text-[10px] uppercase text-stone-600">recent</span>}
                  {option.code.shortcut && <kbd className="rounded border border-stone-400 px-1 text-xs text-stone-700" aria-label={`shortcut ${option.code.shortcut}`}>{option.code.shortcut}</kbd>}
                </>
              ) : (
                <span className="truncate text-teal-800">Create code “{option.name}” and tag</span>
              )}
            </li>
          );
        })}
        {options.length === 0 && <li className="px-3 py-2 text-stone-600">No codes yet: type a name to create one.</li>}
      </ul>
      </div>
      {searching && (
        <p className="border-t border-stone-200 px-3 py-1 text-xs text-stone-600" data-testid="picker-count" aria-live="polite">
          {(options.length - (options.at(-1)?.kind === "create" ? 1 : 0)).toLocaleString("en")} matching codes
        </p>
      )}
    </div>
  );
}

