"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { panelRows } from "@/lib/codes/panel-rows";
import { indexCodes, isSearch, pathLabel } from "@/lib/codes/search";
import { flattenCodeTree } from "@/lib/codes/tree";
import { CodeDefinitionCard } from "./code-definition";
import type { Code } from "./types";
import { useRowWindow } from "./use-row-window";

// Rows of one height, so a codebook of thousands draws only the rows in view (use-row-window.ts).
const ROW_HEIGHT = 28;
const LIST_HEIGHT_GUESS = 600;

type Props = {
  projectId: string;
  codes: Code[];
  /** The whole codebook's size, which `codes` may be a part of until the workspace has it all: a large codebook opens collapsed. */
  codebookSize: number;
  docCounts: Map<string, number>;
  /** Null until the workspace has read the project's counts (they come after the page: use-workspace-rest.ts). */
  projectCounts: Record<string, number> | null;
  hidden: Set<string>;
  canCode: boolean;
  canManage: boolean;
  hasSelection: boolean;
  onApply: (codeId: string) => void;
  onCreate: (name: string) => void;
  onToggle: (codeId: string) => void;
  onJump: (codeId: string, direction: 1 | -1) => void;
  onRename: (codeId: string, name: string) => void;
  onRecolour: (codeId: string, colour: string) => void;
  onMove: (codeId: string, parentId: string | null, position: number) => void;
  onMerge: (sourceId: string, targetId: string) => void;
  onDelete: (code: Code, codings: number) => void;
};

/** The codebook beside the transcript: tree, definitions, counts, and (for owners) its upkeep. */
export function CodebookPanel(props: Props) {
  const { projectId, codes, codebookSize, docCounts, projectCounts, hidden, canCode, canManage, hasSelection, onCreate } = props;
  const tree = useMemo(() => flattenCodeTree(codes), [codes]);
  const index = useMemo(() => indexCodes(tree), [tree]);
  const [newName, setNewName] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState<string | null>(null);
  const shown = useMemo(() => panelRows(tree, { expanded, query, index, size: codebookSize }), [tree, expanded, query, index, codebookSize]);
  const searching = isSearch(query);
  const list = useRowWindow<HTMLDivElement>(shown.rows.length, ROW_HEIGHT, LIST_HEIGHT_GUESS);
  const { start, end, before, after } = list.window;
  const openedCode = opened ? codes.find((c) => c.id === opened) : undefined;
  // Positions of each parent's children, once: counting siblings per row was quadratic.
  const positions = useMemo(() => {
    const map = new Map<string | null, number[]>();
    for (const c of tree) (map.get(c.parentId) ?? map.set(c.parentId, []).get(c.parentId)!).push(c.position);
    return map;
  }, [tree]);
  // The definition card sits below the list. When it closed or got shorter, a panel scrolled to
  // its end (or a page scrolled to its end) moved the rows down under the pointer, so the next
  // click landed on another row. Its box keeps the tallest height it had while the pointer is
  // over the panel, and gives it back when the pointer leaves.
  const [reserve, setReserve] = useState(0);
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = cardRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setReserve((r) => Math.max(r, element.offsetHeight)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const toggleOpen = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="codebook-heading" data-testid="codebook" onMouseLeave={() => setReserve(0)}>
      <h2 id="codebook-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600">Codebook</h2>
      <p className="mt-1 text-xs text-stone-500">
        {hasSelection ? "Click a code to tag the selected passage." : "Select a passage in the transcript to tag it."} Counts: this document / project.
      </p>
      {(shown.collapsible || query) && (
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); list.reset(); }} placeholder={`Find among ${codebookSize.toLocaleString("en")} codes (name, or Theme / name)`} aria-label="Find a code"
          className="mt-2 w-full rounded border border-stone-300 px-2 py-1 text-sm" />
      )}
      {/* The box scrolls; the list inside has the whole list's height, its undrawn rows as padding. */}
      <div ref={list.ref} onScroll={list.onScroll} className={`mt-2 ${list.windowed ? "max-h-[60vh] overflow-auto" : ""}`}>
      <ul className="text-sm" aria-label="Codes" style={{ paddingTop: before, paddingBottom: after }} data-rows={shown.rows.length}>
        {shown.rows.slice(start, end).map((code) => (
          <CodeRow key={code.id} code={code} depth={searching ? 0 : code.depth} path={searching ? index.paths.get(code.id) : undefined}
            siblingsBefore={(positions.get(code.parentId) ?? []).filter((p) => p < code.position).length}
            doc={docCounts.get(code.id) ?? 0} project={projectCounts ? (projectCounts[code.id] ?? 0) : null} isHidden={hidden.has(code.id)}
            open={shown.collapsible && code.childCount > 0 ? expanded.has(code.id) : null} onOpen={() => toggleOpen(code.id)}
            onDefinition={() => setOpened((id) => (id === code.id ? null : code.id))}
            dragging={dragging} setDragging={setDragging} panel={props} />
        ))}
      </ul>
      </div>
      {searching && (
        <p className="mt-1 text-xs text-stone-500" data-testid="codebook-count">
          {shown.rows.length === 0 ? `No code matches “${query}”.` : `${shown.rows.length.toLocaleString("en")} matching codes`}
        </p>
      )}
      <div style={{ minHeight: reserve }} data-testid="definition-box">
        {/* flow-root: the card's top margin counts in the measured height instead of collapsing out of it. */}
        <div ref={cardRef} className="flow-root">
          {openedCode && (
            <CodeDefinitionCard key={openedCode.id} projectId={projectId} codeId={openedCode.id} name={openedCode.name} onClose={() => setOpened(null)}
              editHref={canManage ? `/projects/${projectId}/codebook#code-${openedCode.id}` : undefined} />
          )}
        </div>
      </div>
      {canManage && (
        <div
          onDragOver={(e) => dragging && e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging) props.onMove(dragging, null, codes.filter((c) => c.parentId === null).length);
            setDragging(null);
          }}
          className={`mt-1 rounded border border-dashed px-2 py-1 text-xs text-stone-500 ${dragging ? "border-teal-700 bg-teal-50" : "border-transparent"}`}
        >
          {dragging ? "Drop here to move to the top level" : ""}
        </div>
      )}
      {canCode && (
        <form
          className="mt-3 flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (newName.trim()) onCreate(newName.trim());
            setNewName("");
          }}
        >
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="New code" aria-label="New code name"
            className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm" />
          <button type="submit" className="rounded border border-stone-300 px-2 text-sm hover:bg-stone-100">Add</button>
        </form>
      )}
    </section>
  );
}

function CodeRow({ code, depth, path, siblingsBefore, doc, project, isHidden, open, onOpen, onDefinition, dragging, setDragging, panel: props }: {
  code: Code;
  depth: number;
  /** Ancestors' names, shown in search results, where the tree's indentation is gone. */
  path?: string[];
  siblingsBefore: number;
  doc: number;
  project: number | null;
  isHidden: boolean;
  /** null: no toggle (a small codebook, or a code without children); else whether its children show. */
  open: boolean | null;
  onOpen: () => void;
  onDefinition: () => void;
  dragging: string | null;
  setDragging: (id: string | null) => void;
  panel: Props;
}) {
  const { codes } = props;
  const hidden = isHidden;
  const [renaming, setRenaming] = useState(false);
  const [merging, setMerging] = useState(false);
  const tagging = props.hasSelection && props.canCode;
  return (
    <li
      className={`group rounded ${dragging && dragging !== code.id ? "hover:bg-teal-50" : ""}`}
      style={{ paddingLeft: `${depth}rem`, height: ROW_HEIGHT }}
      draggable={props.canManage && !renaming}
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", code.id);
        setDragging(code.id);
      }}
      onDragEnd={() => setDragging(null)}
      onDragOver={(e) => dragging && dragging !== code.id && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (dragging && dragging !== code.id) props.onMove(dragging, code.id, codes.filter((c) => c.parentId === code.id).length);
        setDragging(null);
      }}
      data-testid={`code-${code.name}`}
    >
      <div className="flex h-full items-center gap-1.5">
        {open !== null && (
          <button type="button" onClick={onOpen} aria-expanded={open} aria-label={`${open ? "Close" : "Open"} ${code.name}`} className="w-3 shrink-0 text-xs text-stone-500">
            {open ? "▾" : "▸"}
          </button>
        )}
        {props.canManage ? (
          <label className="relative size-3.5 shrink-0 cursor-pointer rounded-sm" style={{ backgroundColor: code.colour }} title="Change colour">
            <input type="color" value={code.colour} onChange={(e) => props.onRecolour(code.id, e.target.value)} className="absolute inset-0 opacity-0" aria-label={`Colour of ${code.name}`} />
          </label>
        ) : (
          <span className="size-3.5 shrink-0 rounded-sm" style={{ backgroundColor: code.colour }} />
        )}
        {renaming ? (
          <input
            autoFocus
            defaultValue={code.name}
            aria-label={`Rename ${code.name}`}
            className="min-w-0 flex-1 rounded border border-stone-300 px-1"
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                const name = e.currentTarget.value.trim();
                if (name && name !== code.name) props.onRename(code.id, name);
                setRenaming(false);
              } else if (e.key === "Escape") setRenaming(false);
            }}
            onBlur={() => setRenaming(false)}
          />
        ) : (
          <button
            type="button"
            onClick={() => (tagging ? props.onApply(code.id) : onDefinition())}
            title={tagging ? `Tag the selected passage with ${code.name}` : "Show the definition"}
            className={`min-w-0 flex-1 truncate text-left ${hidden ? "text-stone-600 line-through" : ""} hover:underline`}
          >
            {path && path.length > 0 && <span className="text-xs text-stone-500">{pathLabel(path)} / </span>}
            {code.name}
          </button>
        )}
        <button type="button" onClick={onDefinition} aria-label={`Definition of ${code.name}`} title="Definition" className="px-0.5 text-xs text-stone-500">ⓘ</button>
        {code.shortcut && <kbd className="rounded border border-stone-300 px-1 text-[10px] text-stone-600" title="Shortcut">{code.shortcut}</kbd>}
        <span className="w-12 shrink-0 text-right text-xs tabular-nums text-stone-500" title={`${doc} in this document, ${project ?? "(counting)"} in the project`}>
          {doc}/{project ?? "…"}
        </span>
        <button type="button" onClick={() => props.onJump(code.id, -1)} disabled={doc === 0} aria-label={`Previous coding of ${code.name}`} className="px-0.5 text-stone-500 disabled:opacity-30">‹</button>
        <button type="button" onClick={() => props.onJump(code.id, 1)} disabled={doc === 0} aria-label={`Next coding of ${code.name}`} className="px-0.5 text-stone-500 disabled:opacity-30">›</button>
        <button type="button" onClick={() => props.onToggle(code.id)} aria-pressed={!hidden} aria-label={`${hidden ? "Show" : "Hide"} ${code.name}`} className="px-0.5 text-xs text-stone-500" title={hidden ? "Show" : "Hide"}>
          {hidden ? "◌" : "●"}
        </button>
        {props.canManage && (
          <details className="relative">
            <summary className="cursor-pointer list-none px-1 text-stone-500" aria-label={`Manage ${code.name}`}>⋯</summary>
            <div className="absolute right-0 z-30 mt-1 w-44 rounded border border-stone-300 bg-white p-1 text-sm shadow-lg">
              <a href={`/projects/${props.projectId}/codebook#code-${code.id}`} className="block w-full rounded px-2 py-1 text-left hover:bg-stone-100">Edit every field…</a>
              <button type="button" className="block w-full rounded px-2 py-1 text-left hover:bg-stone-100" onClick={() => setRenaming(true)}>Rename</button>
              <button type="button" className="block w-full rounded px-2 py-1 text-left hover:bg-stone-100" onClick={() => setMerging((m) => !m)}>Merge into…</button>
              {siblingsBefore > 0 && (
                <button type="button" className="block w-full rounded px-2 py-1 text-left hover:bg-stone-100" onClick={() => props.onMove(code.id, code.parentId, siblingsBefore - 1)}>Move up</button>
              )}
              <button type="button" className="block w-full rounded px-2 py-1 text-left text-red-800 hover:bg-red-50" onClick={() => props.onDelete(code, project ?? 0)}>Delete…</button>
              {merging && (
                <select aria-label={`Merge ${code.name} into`} defaultValue="" className="mt-1 w-full rounded border border-stone-300 text-xs"
                  onChange={(e) => e.target.value && props.onMerge(code.id, e.target.value)}>
                  <option value="" disabled>Choose the code to keep</option>
                  {codes.filter((c) => c.id !== code.id).map((c) => (
                    <option key={c.id} value={c.id}>{c.name}</option>
                  ))}
                </select>
              )}
            </div>
          </details>
        )}
      </div>
    </li>
  );
}
