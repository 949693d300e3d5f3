"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useRowWindow } from "@/components/coding/use-row-window";
import { moveCodeAction, restoreCodeAction, shiftCodeAction } from "@/lib/codes/actions";
import type { ShiftDirection } from "@/lib/codes/limits";
import { panelRows } from "@/lib/codes/panel-rows";
import { indexCodes, isSearch, pathLabel } from "@/lib/codes/search";
import { flattenCodeTree } from "@/lib/codes/tree";
import { CodeWorkbench } from "./code-workbench";

export type ManagedCode = { id: string; parentId: string | null; name: string; colour: string; position: number; shortcut: string | null };

const ROW_HEIGHT = 32;
const KEYS: Record<string, ShiftDirection> = { ArrowUp: "up", ArrowDown: "down", ArrowRight: "indent", ArrowLeft: "outdent" };
const SAID: Record<ShiftDirection, string> = { up: "up", down: "down", indent: "in", outdent: "out" };

/**
 * The codebook page's tree and the selected code's workbench. Owners reorder and re-parent by
 * keyboard (Alt+Up/Down among siblings, Alt+Right under the code above, Alt+Left out to the
 * parent's level; or the buttons beside the form) and by drag; each result is announced. A
 * codebook of thousands opens collapsed and is searched by name or path (lib/codes/panel-rows.ts),
 * and only the rows in view are drawn.
 */
export function CodebookManager({ projectId, codes, counts, canManage }: { projectId: string; codes: ManagedCode[]; counts: Record<string, number>; canManage: boolean }) {
  const router = useRouter();
  const tree = useMemo(() => flattenCodeTree(codes), [codes]);
  const index = useMemo(() => indexCodes(tree), [tree]);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const shown = useMemo(() => panelRows(tree, { expanded, query, index }), [tree, expanded, query, index]);
  const list = useRowWindow<HTMLDivElement>(shown.rows.length, ROW_HEIGHT, 640);
  const searching = isSearch(query);
  // The moved row keeps the focus once the refreshed tree has it, so the next Alt+arrow moves it again.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(`code-row-${refocus.current}`)?.focus();
    refocus.current = null;
  }, [codes]);

  const open = (id: string) => {
    setSelected(id);
    // Its ancestors open, so the row is in the tree.
    setExpanded((e) => { const next = new Set(e); for (let p = byId.get(id)?.parentId; p; p = byId.get(p)?.parentId) next.add(p); return next; });
  };
  useEffect(() => {
    const fromHash = () => { const m = /^#code-(.+)$/.exec(window.location.hash); if (m && byId.has(m[1])) open(decodeURIComponent(m[1])); };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const changed = (message: string, select?: string) => {
    setSaid(message);
    setVersion((v) => v + 1);
    if (select) open(select);
    router.refresh();
  };
  const placeName = (parentId: string | null) => (parentId ? `under “${byId.get(parentId)?.name ?? "its parent"}”` : "at the top level");
  const shift = async (id: string, direction: ShiftDirection) => {
    const code = byId.get(id);
    if (!code) return;
    const r = await shiftCodeAction({ projectId, codeId: id, direction });
    if (!r.ok) return setSaid(r.error.message);
    changed(`Moved “${code.name}” ${SAID[direction]}: now place ${r.data.position + 1} ${placeName(r.data.parentId)}.`, id);
    refocus.current = id;
  };
  const drop = async (parentId: string | null) => {
    const code = dragging ? byId.get(dragging) : undefined;
    setDragging(null);
    if (!code || code.id === parentId) return;
    const position = codes.filter((c) => c.parentId === parentId).length;
    const r = await moveCodeAction({ projectId, codeId: code.id, parentId, position });
    if (!r.ok) return setSaid(r.error.message);
    changed(`Moved “${code.name}” ${placeName(parentId)}.`, code.id);
  };
  const toggle = (id: string) => setExpanded((e) => { const next = new Set(e); if (next.has(id)) next.delete(id); else next.add(id); return next; });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
      <section aria-labelledby="tree-heading" data-testid="codebook-tree">
        <h2 id="tree-heading" className="text-lg font-semibold">Codes ({codes.length.toLocaleString("en")})</h2>
        {canManage && <p className="mt-1 text-xs text-stone-600">On a code: Alt+↑/↓ moves it among its siblings, Alt+→ puts it under the code above, Alt+← moves it out a level. Or drag it onto another code.</p>}
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); list.reset(); }} aria-label="Find a code" placeholder="Find a code (name, or Theme / name)"
          className="mt-2 w-full rounded border border-stone-300 px-2 py-1 text-sm" />
        <div ref={list.ref} onScroll={list.onScroll} className="mt-2 max-h-[70vh] overflow-auto rounded border border-stone-200 bg-white">
          <ul aria-label="Codebook" style={{ paddingTop: list.window.before, paddingBottom: list.window.after }} className="text-sm">
            {shown.rows.slice(list.window.start, list.window.end).map((code) => (
              <li key={code.id} style={{ height: ROW_HEIGHT, paddingLeft: `${(searching ? 0 : code.depth) + 0.25}rem` }}
                className={`flex items-center gap-1.5 pr-2 ${selected === code.id ? "bg-teal-50" : ""} ${dragging && dragging !== code.id ? "hover:bg-teal-100" : ""}`}
                draggable={canManage} onDragStart={(e) => { e.dataTransfer.setData("text/plain", code.id); setDragging(code.id); }} onDragEnd={() => setDragging(null)}
                onDragOver={(e) => dragging && dragging !== code.id && e.preventDefault()} onDrop={(e) => { e.preventDefault(); void drop(code.id); }}
                data-testid={`tree-${code.name}`}>
                {shown.collapsible && code.childCount > 0 ? (
                  <button type="button" onClick={() => toggle(code.id)} aria-expanded={expanded.has(code.id)} aria-label={`${expanded.has(code.id) ? "Close" : "Open"} ${code.name}`} className="w-4 text-stone-600">{expanded.has(code.id) ? "▾" : "▸"}</button>
                ) : <span className="w-4" />}
                <span aria-hidden className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: code.colour }} />
                <button id={`code-row-${code.id}`} type="button" aria-current={selected === code.id ? "true" : undefined}
                  onClick={() => { setSelected(code.id); history.replaceState(null, "", `#code-${code.id}`); }}
                  onKeyDown={(e) => { const d = KEYS[e.key]; if (canManage && e.altKey && d) { e.preventDefault(); void shift(code.id, d); } }}
                  className="min-w-0 flex-1 truncate rounded px-1 text-left hover:underline focus-visible:outline-2 focus-visible:outline-teal-700">
                  {searching && (index.paths.get(code.id)?.length ?? 0) > 0 && <span className="text-xs text-stone-600">{pathLabel(index.paths.get(code.id)!)} / </span>}
                  {code.name}
                </button>
                {code.shortcut && <kbd className="rounded border border-stone-300 px-1 text-[10px] text-stone-700">{code.shortcut}</kbd>}
                <span className="text-xs tabular-nums text-stone-600" title="Codings">{counts[code.id] ?? 0}</span>
              </li>
            ))}
          </ul>
        </div>
        {searching && shown.rows.length === 0 && <p className="mt-1 text-sm text-stone-600">No code matches “{query}”.</p>}
        {codes.length === 0 && <p className="mt-2 text-sm text-stone-600">No codes yet.{canManage ? " Add the first one with the form." : ""}</p>}
        {canManage && dragging && (
          <div onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); void drop(null); }} className="mt-1 rounded border border-dashed border-teal-700 bg-teal-50 px-2 py-2 text-xs text-stone-700">
            Drop here to move to the top level
          </div>
        )}
        <p aria-live="polite" role="status" className="mt-2 min-h-5 text-sm text-stone-800" data-testid="codebook-announce">{said}</p>
        {canManage && deleted && (
          <button type="button" className="mt-1 rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100" onClick={async () => {
            const r = await restoreCodeAction({ projectId, codeId: deleted.id });
            if (!r.ok) return setSaid(r.error.message);
            setDeleted(null);
            changed(`Restored “${deleted.name}” with its codings.`, deleted.id);
          }}>Undo: restore “{deleted.name}”</button>
        )}
      </section>
      <CodeWorkbench key={`${selected}-${selected ? byId.has(selected) : ""}`} projectId={projectId} code={selected ? (byId.get(selected) ?? null) : null} codeCount={selected ? (counts[selected] ?? 0) : 0}
        canManage={canManage} version={version} onShift={shift} onChanged={changed}
        onDeleted={(code, message) => { setSelected(null); setDeleted(code); changed(message); }} />
    </div>
  );
}
