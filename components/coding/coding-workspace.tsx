"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { mergeCodesAction } from "@/lib/codes/actions";
import { unpackCodes } from "@/lib/codes/packed";
import { indexCodes } from "@/lib/codes/search";
import { selectionToSpan } from "@/lib/codings/spans/selection";
import { snapToWords } from "@/lib/codings/spans/snap";
import { unpackWorkspaceRows } from "@/lib/codings/view";
import { CasePanel } from "./case-panel";
import { CodePicker } from "./code-picker";
import { CodebookPanel } from "./codebook-panel";
import { CodingDetails } from "./coding-details";
import { CorrectionPanel } from "./correction-panel";
import { domEndpoint, elementAt, selectOffsets } from "./dom-selection";
import { NoticeProvider, useNotify } from "./notices";
import { Transcript, type TranscriptControl } from "./transcript";
import { TranscriptFind } from "./transcript-find";
import type { Code, CoderFilter, Opening, PendingSelection, WorkspaceShell } from "./types";
import type { CorrectionState } from "@/lib/transcripts/correction/data";
import { useUndoStack } from "./undo-stack";
import { useKeyboardCaret } from "./use-keyboard-caret";
import { useRecentCodes } from "./use-recent-codes";
import { useWorkspace } from "./use-workspace";
import { PresenceList } from "@/components/live/presence-list";
import { countsSince, useLiveWorkspace } from "./use-live-workspace";
import { useWorkspaceRest, type LoadedWorkspace } from "./use-workspace-rest";
import { WorkspaceToolbar as Toolbar } from "./workspace-toolbar";

type Props = {
  workspace: WorkspaceShell;
  /** The first screens of the transcript and the codes used in it; the rest is fetched (use-workspace-rest.ts). */
  opening: Opening;
  me: { id: string; name: string };
  canCode: boolean;
  canManage: boolean;
  focus?: { start: number; end: number } | null;
  /** The newest change (audit event id) when the page was read: live updates start after it. */
  liveSince: string;
  /** Transcript correction: the document's version, who may correct, the codings to review. */
  correction?: CorrectionState | null;
};

export function CodingWorkspace(props: Props) {
  return (
    <NoticeProvider>
      <WorkspaceInner {...props} />
    </NoticeProvider>
  );
}

const KEYBOARD_HINT =
  "Arrows move the caret, Ctrl+arrows by word, Ctrl+Up/Down by sentence, Alt+Up/Down by turn; Shift extends the selection; a code's shortcut key tags it; / opens the code filter; Enter shows the codings at the caret; Ctrl+Z undoes.";

function WorkspaceInner({ workspace, opening, me, canCode: mayCode, canManage: mayManage, focus, liveSince, correction }: Props) {
  const { document: doc, project } = workspace;
  const first = useMemo(() => ({ ...unpackWorkspaceRows(opening.rows), ...unpackCodes(opening.codes) }), [opening]);
  const notify = useNotify();
  const rootRef = useRef<HTMLDivElement>(null);
  const transcriptControl = useRef<TranscriptControl | null>(null);
  // The page sends the first screens (lib/codings/opening.ts); the whole text, turns, codings and
  // codebook follow. Until then the transcript shows the opening window and nothing can be changed.
  const [fullText, setFullText] = useState<string | null>(null);
  const store = useWorkspace({ projectId: project.id, documentId: doc.id, text: fullText ?? "", me, documentVersion: correction?.version }, { codings: first.codings, codes: first.codes });
  const { codings, codes, ops } = store;
  const { setCodings, setCodes } = store;
  // The store takes the whole lists in the same render as the turns arrive (one render, not two).
  const onLoaded = useCallback((rest: LoadedWorkspace) => {
    setCodings(() => rest.codings);
    setCodes(() => rest.codes);
    setFullText(rest.text);
  }, [setCodings, setCodes]);
  const { loaded, projectCounts: loadedCounts, error: loadError } = useWorkspaceRest(project.id, doc.id, onLoaded);
  const live = useLiveWorkspace({ projectId: project.id, documentId: doc.id, me: me.id, since: liveSince, enabled: !!loaded, setCodings, setCodes, localDelta: store.projectCountDelta });
  const turns = loaded?.turns ?? first.turns;
  const text = loaded?.text ?? opening.window.text;
  const textStart = loaded ? 0 : opening.window.start;
  const canCode = mayCode && !!loaded;
  // Deleting a code tells how many codings go with it: only once the project counts are in.
  const canManage = mayManage && !!loaded && !!loadedCounts;
  // Drawn at once when the rest arrives: every turn up to the end of the opening window, so what
  // was on screen stays (a window around a linked passage keeps its place as turns come in above).
  // (A transcript without turns is drawn as one, hence at least 1.)
  const initialTurns = Math.max(1, loaded ? opening.window.lastTurn : turns.length);
  const history = useUndoStack();

  const [filter, setFilter] = useState<CoderFilter>({ kind: "all" });
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [pickerFocus, setPickerFocus] = useState(false);
  const [finding, setFinding] = useState(false);
  const [details, setDetails] = useState<{ ids: string[]; rect: { top: number; left: number; bottom: number } } | null>(null);
  const { recent, remember } = useRecentCodes(project.id);
  // Below the lg breakpoint the codebook is a drawer over the transcript, opened by a button.
  const [drawer, setDrawer] = useState(false);
  const drawerClose = useRef<HTMLButtonElement>(null);
  const drawerOpen = useRef<HTMLButtonElement>(null);
  const drawerWasOpen = useRef(false);
  // Focus goes into the drawer when it opens and back to its button when it closes.
  useEffect(() => {
    if (drawer) drawerClose.current?.focus();
    else if (drawerWasOpen.current) drawerOpen.current?.focus();
    drawerWasOpen.current = drawer;
  }, [drawer]);
  const jumpCursor = useRef<Record<string, number>>({});
  const turnSpans = useMemo(() => turns.map((t) => ({ start: t.start, end: t.end })), [turns]);
  const caret = useKeyboardCaret(fullText ?? "", turnSpans);

  const codesById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const codeIndex = useMemo(() => indexCodes(codes), [codes]);
  const coders = useMemo(() => {
    const all = new Map(workspace.coders.map((c) => [c.id, c.name]));
    for (const c of codings) if (!all.has(c.coderId)) all.set(c.coderId, c.coder.name);
    return [...all].map(([id, name]) => ({ id, name }));
  }, [workspace.coders, codings]);
  const visible = useMemo(
    () =>
      codings.filter(
        (c) =>
          codesById.has(c.codeId) &&
          !hidden.has(c.codeId) &&
          (filter.kind === "all" || (filter.kind === "mine" ? c.coderId === me.id : c.coderId === filter.coderId)),
      ),
    [codings, codesById, hidden, filter, me.id],
  );
  const docCounts = useMemo(() => {
    if (!loaded) return new Map(Object.entries(opening.docCounts));
    const counts = new Map<string, number>();
    for (const c of codings) {
      if (filter.kind === "mine" && c.coderId !== me.id) continue;
      if (filter.kind === "coder" && c.coderId !== filter.coderId) continue;
      counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
    }
    return counts;
  }, [loaded, opening.docCounts, codings, filter, me.id]);
  const projectCounts = useMemo(() => {
    if (live.countBase) return countsSince(live.countBase, store.projectCountDelta);
    if (!loadedCounts) return null;
    const counts: Record<string, number> = { ...loadedCounts };
    for (const [id, delta] of Object.entries(store.projectCountDelta)) counts[id] = (counts[id] ?? 0) + delta;
    return counts;
  }, [loadedCounts, store.projectCountDelta, live.countBase]);

  const clearSelection = useCallback(() => {
    setPending(null);
    setPickerFocus(false);
    window.getSelection()?.removeAllRanges();
  }, []);

  const applyToPending = useCallback(
    (codeIds: string[]) => {
      if (!pending || !canCode) return;
      remember(codeIds);
      void history.perform(ops.apply({ start: pending.start, end: pending.end, codeIds }));
      clearSelection();
    },
    [pending, canCode, remember, history, ops, clearSelection],
  );

  const flash = useCallback(async (start: number, end: number) => {
    await transcriptControl.current?.renderAll();
    const root = rootRef.current;
    if (!root) return;
    const first = elementAt(root, start);
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
    for (const el of root.querySelectorAll<HTMLElement>("[data-start]")) {
      const at = Number(el.dataset.start);
      if (at >= end) break;
      if (el === first || at >= start) {
        el.classList.remove("grounded-flash");
        void el.offsetWidth; // restart the animation
        el.classList.add("grounded-flash");
      }
    }
  }, []);

  // A link to a passage (?start=&end=, or ?coding=) scrolls it into view and flashes it, once
  // the whole transcript is there (the opening window already shows it, near the top).
  const hasLoaded = !!loaded;
  useEffect(() => {
    if (focus && hasLoaded) requestAnimationFrame(() => void flash(focus.start, focus.end));
  }, [focus, flash, hasLoaded]);
  useEffect(() => {
    if (loadError) notify("error", `The rest of this transcript could not be loaded: ${loadError} Reload the page to try again.`);
  }, [loadError, notify]);

  const readSelection = useCallback(() => {
    const root = rootRef.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || fullText === null) return;
    if (selection.isCollapsed) {
      const at = selection.anchorNode && domEndpoint(selection.anchorNode, selection.anchorOffset, root);
      if (at) {
        caret.place(at.elementStart + [...at.elementText.slice(0, at.utf16Offset)].length);
        transcriptControl.current?.caretMoved(caret.focus.current, selection.getRangeAt(0));
      }
      setPending(null);
      return;
    }
    const anchor = selection.anchorNode && domEndpoint(selection.anchorNode, selection.anchorOffset, root);
    const focusPoint = selection.focusNode && domEndpoint(selection.focusNode, selection.focusOffset, root);
    if (!anchor || !focusPoint) return;
    const raw = selectionToSpan(anchor, focusPoint);
    const span = snapToWords(fullText, raw.start, raw.end);
    if (!span) return setPending(null);
    const range = selectOffsets(root, span.start, span.end);
    const rect = (range ?? selection.getRangeAt(0)).getBoundingClientRect();
    caret.anchor.current = span.start;
    caret.focus.current = span.end;
    setDetails(null);
    setPending({ ...span, rect: { top: rect.top, left: rect.left, bottom: rect.bottom } });
  }, [fullText, caret]);

  // A find hit: drawn, scrolled to and flashed, then selected as if by hand, so it can be coded.
  const showHit = useCallback(async (start: number, end: number) => {
    await flash(start, end);
    const root = rootRef.current;
    if (!root || !selectOffsets(root, start, end)) return;
    readSelection();
  }, [flash, readSelection]);

  const jump = useCallback(
    (codeId: string, direction: 1 | -1) => {
      const list = visible.filter((c) => c.codeId === codeId).sort((a, b) => a.start - b.start);
      if (list.length === 0) return notify("info", "No visible coding of this code here: check the filters.");
      const at = jumpCursor.current[codeId];
      const index = at === undefined ? (direction > 0 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
      jumpCursor.current[codeId] = index;
      void flash(list[index].start, list[index].end);
      notify("info", `${codesById.get(codeId)?.name}: ${index + 1} of ${list.length}`);
    },
    [visible, flash, notify, codesById],
  );

  const showCodingsAt = useCallback((ids: string[], rect: DOMRect) => {
    setPending(null);
    setDetails({ ids, rect: { top: rect.top, left: rect.left, bottom: rect.bottom } });
  }, []);

  // The keyboard: undo/redo anywhere; shortcuts, caret and "/" while working in the transcript.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const typing = target.closest("input, textarea, select, [contenteditable=true]");
      // The browser's find sees only the turns drawn so far: ours searches the whole text.
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "f" && fullText !== null) {
        event.preventDefault();
        setFinding(true);
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && !typing) {
        event.preventDefault();
        void (event.shiftKey ? history.redo() : history.undo());
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "y" && !typing) {
        event.preventDefault();
        void history.redo();
        return;
      }
      // A control in the transcript's margin (a memo marker) takes its own keys: Enter opens its memo.
      if (typing || fullText === null || (target !== rootRef.current && rootRef.current?.contains(target) && target.closest("button, a"))) return;
      const inTranscript = rootRef.current?.contains(target) || target === document.body || !!pending;
      if (!inTranscript) return;
      if (event.key === "Escape") {
        clearSelection();
        setDetails(null);
        return;
      }
      if (rootRef.current?.contains(target)) {
        const span = caret.handle(event);
        if (span !== undefined) {
          event.preventDefault();
          const root = rootRef.current!;
          if (span) {
            const range = selectOffsets(root, span.start, span.end, caret.focus.current < caret.anchor.current);
            const rect = range?.getBoundingClientRect();
            if (rect) setPending({ ...span, rect: { top: rect.top, left: rect.left, bottom: rect.bottom } });
            elementAt(root, caret.focus.current)?.scrollIntoView({ block: "nearest" });
            transcriptControl.current?.caretMoved(caret.focus.current, null);
          } else {
            const range = selectOffsets(root, caret.focus.current, caret.focus.current);
            range?.collapse(true);
            setPending(null);
            elementAt(root, caret.focus.current)?.scrollIntoView({ block: "nearest" });
            transcriptControl.current?.caretMoved(caret.focus.current, range ?? null);
          }
          return;
        }
        if (event.key === "Enter" && !pending) {
          const at = caret.focus.current;
          const ids = visible.filter((c) => c.start <= at && at < c.end).map((c) => c.id);
          const el = elementAt(rootRef.current!, at);
          if (ids.length > 0 && el) showCodingsAt(ids, el.getBoundingClientRect());
          event.preventDefault();
          return;
        }
      }
      if (!pending || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/") {
        event.preventDefault();
        setPickerFocus(true);
        return;
      }
      const code = codes.find((c) => c.shortcut && c.shortcut === event.key.toLowerCase());
      if (code && canCode) {
        event.preventDefault();
        applyToPending([code.id]);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [history, pending, codes, canCode, applyToPending, clearSelection, caret, visible, showCodingsAt, fullText]);

  const deleteCode = (code: Code, projectCodings: number) => {
    const message =
      projectCodings > 0
        ? `Delete "${code.name}"? Its ${projectCodings} coding${projectCodings === 1 ? "" : "s"} in the project will be hidden with it. Undo (Ctrl+Z) brings both back.`
        : `Delete "${code.name}"? It has no codings.`;
    if (window.confirm(message)) void history.perform(ops.deleteCode(code.id));
  };

  const merge = async (sourceId: string, targetId: string) => {
    const source = codesById.get(sourceId);
    const target = codesById.get(targetId);
    if (!source || !target) return;
    if (!window.confirm(`Merge "${source.name}" into "${target.name}"? Its codings become "${target.name}" codings. This cannot be undone here; the audit log keeps what changed.`)) return;
    const result = await mergeCodesAction({ projectId: project.id, sourceId, targetId });
    if (!result.ok) return notify("error", result.error.message);
    store.setCodings((list) => {
      const keys = new Set(list.filter((c) => c.codeId === targetId).map((c) => `${c.coderId}:${c.start}:${c.end}`));
      return list
        .filter((c) => c.codeId !== sourceId || !keys.has(`${c.coderId}:${c.start}:${c.end}`))
        .map((c) => (c.codeId === sourceId ? { ...c, codeId: targetId, version: c.version + 1 } : c));
    });
    store.setCodes((list) => list.filter((c) => c.id !== sourceId).map((c) => (c.parentId === sourceId ? { ...c, parentId: targetId } : c)));
    notify("info", `Merged: ${result.data.movedCodings} codings moved, ${result.data.droppedDuplicates} duplicates dropped.`);
  };

  const detailCodings = details ? codings.filter((c) => details.ids.includes(c.id)) : [];

  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-3 py-6 sm:px-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold">{doc.title}</h1>
          <nav aria-label="Documents" className="flex gap-3 text-sm">
            {workspace.previous ? <Link href={`/projects/${project.id}/documents/${workspace.previous.id}`} className="text-teal-800 hover:underline" title={workspace.previous.title}>← Previous</Link> : <span className="text-stone-600" aria-disabled="true">← Previous</span>}
            {workspace.next ? <Link href={`/projects/${project.id}/documents/${workspace.next.id}`} className="text-teal-800 hover:underline" title={workspace.next.title}>Next →</Link> : <span className="text-stone-600" aria-disabled="true">Next →</span>}
          </nav>
        </div>
        <PresenceList people={live.people} where={`document:${doc.id}`} />
        {live.corrected && (
          <p role="alert" className="mt-3 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-testid="corrected-notice">
            {live.corrected.by} corrected this transcript. Reload to code on the new text; changes made on this copy are refused.
            <button type="button" onClick={() => window.location.reload()} className="rounded border border-stone-400 bg-white px-2 py-0.5 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-teal-800">Reload</button>
          </p>
        )}
        {workspace.blind && (
          <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="blind-notice">
            Blind coding: you see only your own codings here until a project owner reveals the others.
          </p>
        )}
        <Toolbar loaded={!!loaded} filter={filter} setFilter={setFilter} coders={coders} meId={me.id} history={history} canCode={mayCode} onFind={fullText !== null ? () => setFinding(true) : undefined} />
        {finding && fullText !== null && <TranscriptFind text={fullText} onShow={(hit) => void showHit(hit.start, hit.end)} onClose={() => setFinding(false)} />}
        <button ref={drawerOpen} type="button" onClick={() => setDrawer(true)} aria-expanded={drawer} aria-controls="codebook-drawer" data-testid="open-codebook"
          className="mt-3 rounded border border-stone-500 bg-white px-3 py-1 text-sm text-stone-900 lg:hidden">Codebook</button>
        <div className="mt-4 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-5" onMouseUp={() => setTimeout(readSelection, 0)}>
          <Transcript text={text} textStart={textStart} loaded={!!loaded} initialTurns={initialTurns} controlRef={transcriptControl} textLength={doc.textLength} turns={turns} codings={visible} codes={codesById} rootRef={rootRef} onCodingsAt={showCodingsAt} keyboardHint={KEYBOARD_HINT} />
        </div>
      </div>
      <aside id="codebook-drawer" aria-label="Codebook" data-testid="codebook-drawer" onKeyDown={(e) => e.key === "Escape" && setDrawer(false)}
        className={`space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-auto max-lg:fixed max-lg:inset-y-0 max-lg:right-0 max-lg:z-40 max-lg:w-[min(22rem,92vw)] max-lg:overflow-auto max-lg:bg-white max-lg:p-4 max-lg:shadow-xl ${drawer ? "" : "max-lg:hidden"}`}>
        <button ref={drawerClose} type="button" onClick={() => setDrawer(false)} className="rounded border border-stone-500 px-3 py-1 text-sm lg:hidden">Close codebook</button>
        <CodebookPanel
          projectId={project.id}
          codes={codes}
          codebookSize={loaded ? codes.length : opening.codebookSize}
          docCounts={docCounts}
          projectCounts={projectCounts}
          hidden={hidden}
          canCode={canCode}
          canManage={canManage}
          hasSelection={!!pending}
          onApply={(id) => applyToPending([id])}
          onCreate={(name) => {
            void history.perform(pending ? ops.createAndApply(name, pending) : ops.createCodeOnly(name));
            if (pending) clearSelection();
          }}
          onToggle={(id) => setHidden((h) => { const next = new Set(h); if (next.has(id)) next.delete(id); else next.add(id); return next; })}
          onJump={jump}
          onRename={(id, name) => void history.perform(ops.editCode(id, { name }))}
          onRecolour={(id, colour) => void history.perform(ops.editCode(id, { colour }))}
          onMove={(id, parentId, position) => void history.perform(ops.moveCode(id, parentId, position))}
          onMerge={(s, t) => void merge(s, t)}
          onDelete={deleteCode}
        />
        {doc.case && <CasePanel name={doc.case.name} attributes={doc.case.attributes} />}
        {correction && <CorrectionPanel projectId={project.id} documentId={doc.id} state={correction} text={fullText} turns={turns} selection={pending && { start: pending.start, end: pending.end }} />}
      </aside>
      {pending && canCode && (
        // The picker is 20rem wide: anchored no further right than leaves it whole on a phone.
        <CodePicker selection={{ ...pending, rect: { ...pending.rect, left: Math.min(pending.rect.left, window.innerWidth - 328) } }} codes={codes} index={codeIndex} recent={recent} focusFilter={pickerFocus} onApply={(id) => applyToPending([id])}
          onCreate={(name) => { void history.perform(ops.createAndApply(name, pending)); clearSelection(); }} onClose={clearSelection} />
      )}
      {details && detailCodings.length > 0 && fullText !== null && (
        <CodingDetails codings={detailCodings} codes={codesById} codeList={codes} text={fullText ?? ""} meId={me.id} canCode={canCode} anchor={details.rect}
          onUpdate={(id, changes) => void history.perform(ops.update(id, changes))}
          onDelete={(id) => { void history.perform(ops.remove([id])); setDetails(null); }}
          onClose={() => setDetails(null)} />
      )}
    </main>
  );
}

