"use client";

import { useEffect, useId, useRef, useState } from "react";

export type ChosenCode = { id: string; name: string };
type Choice = ChosenCode & { path: string };

type Props = {
  projectId: string;
  /** The accessible name of the field ("Code", "Parent theme"). */
  label: string;
  value: ChosenCode | null;
  onChange?: (code: ChosenCode | null) => void;
  /** For a plain GET form: the chosen id is submitted under this name ("" for none). */
  name?: string;
  /** "parents": only codes with sub-codes (a theme whose sub-themes are ranked). */
  kind?: "any" | "parents";
  /** What choosing nothing means ("All codes"); without it a code must be chosen. */
  noneLabel?: string;
  className?: string;
};

const DEBOUNCE_MS = 120;

/**
 * Chooses one code of a codebook of any size: typing asks the server for the codes matching
 * by name or path (GET /api/projects/:id/codes, lib/codes/search.ts), at most 50, best first,
 * each with its parent path; arrows move, Enter chooses, Escape closes. The page sends only
 * the chosen code, not the codebook (10,000 codes as <option>s were megabytes of HTML).
 */
export function CodeChooser({ projectId, label, value, onChange, name, kind = "any", noneLabel, className = "" }: Props) {
  const [chosen, setChosen] = useState<ChosenCode | null>(value);
  const [query, setQuery] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<{ codes: Choice[]; total: number } | null>(null);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const listId = useId();
  const asked = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    asked.current?.abort();
    asked.current = controller;
    // The field shows the chosen code's name: while it does, list from the top rather than that name alone.
    const q = chosen && query === chosen.name ? "" : query;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/projects/${encodeURIComponent(projectId)}/codes?${new URLSearchParams({ q, kind })}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        setResults(await response.json());
        setActive(0);
        setFailed(false);
      } catch (error) {
        if (!controller.signal.aborted) setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, chosen, projectId, kind]);

  const options: (Choice | null)[] = [...(noneLabel ? [null] : []), ...(results?.codes ?? [])];
  const choose = (code: ChosenCode | null) => {
    setChosen(code);
    setQuery(code?.name ?? "");
    setOpen(false);
    onChange?.(code);
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <span className={`relative inline-block ${className}`}>
      {name !== undefined && <input type="hidden" name={name} value={chosen?.id ?? ""} />}
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options.length > 0 ? optionId(active) : undefined}
        value={query}
        placeholder={noneLabel ?? "Type to find a code"}
        autoComplete="off"
        onFocus={(e) => {
          e.currentTarget.select();
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onBlur={() => {
          // A click on an option lands first (mousedown prevents the blur from closing the list before it).
          setOpen(false);
          setQuery(chosen?.name ?? "");
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (!open) return setOpen(true);
            setActive((a) => Math.max(0, Math.min(options.length - 1, a + (e.key === "ArrowDown" ? 1 : -1))));
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            if (options.length > active) choose(options[active]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
            setQuery(chosen?.name ?? "");
          }
        }}
        className="w-full rounded border border-stone-300 bg-white px-2 py-1"
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={`${label}: matching codes`} className="absolute z-20 mt-1 max-h-72 w-full min-w-64 overflow-auto rounded border border-stone-300 bg-white py-1 text-sm shadow-lg">
          {options.map((option, i) => (
            <li
              key={option?.id ?? ""}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(option)}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-2 py-1 ${i === active ? "bg-teal-50" : ""}`}
            >
              {option ? (
                <>
                  <span>{option.name}</span>
                  {option.path && <span className="ml-2 text-xs text-stone-500">{option.path}</span>}
                </>
              ) : (
                <span className="text-stone-600">{noneLabel}</span>
              )}
            </li>
          ))}
          {failed && <li className="px-2 py-1 text-red-800">Could not search the codebook. Try again.</li>}
          {!failed && !results && <li className="px-2 py-1 text-stone-500">Searching…</li>}
          {!failed && results && results.codes.length === 0 && <li className="px-2 py-1 text-stone-500">No code matches “{query}”.</li>}
          {!failed && results && results.total > results.codes.length && (
            <li className="px-2 py-1 text-xs text-stone-500">{(results.total - results.codes.length).toLocaleString("en")} more: type more of a name, or a path like “Theme / code”.</li>
          )}
        </ul>
      )}
    </span>
  );
}
