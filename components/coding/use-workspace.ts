"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { createCodeAction, deleteCodeAction, moveCodeAction, restoreCodeAction, updateCodeAction } from "@/lib/codes/actions";
import { applyCodesAction, deleteCodingAction, updateCodingAction } from "@/lib/codings/actions";
import type { ActionResult } from "@/lib/errors";
import type { Code, Coding } from "./types";
import type { Operation } from "./undo-stack";
import { useNotify } from "./notices";

type Ids = { projectId: string; documentId: string; text: string; me: { id: string; name: string }; documentVersion?: number };
type CodingChanges = { start?: number; end?: number; codeId?: string; memo?: string };

let tempCounter = 0;

/**
 * The workspace's codings and codes, changed optimistically: the screen updates at once,
 * the server answers, and a refusal rolls the change back with a message. Every change is an
 * Operation whose success yields its own undo (see undo-stack.ts).
 */
export function useWorkspace(ids: Ids, initial: { codings: Coding[]; codes: Code[] }) {
  const [codings, setCodingsState] = useState(initial.codings);
  const [codes, setCodesState] = useState(initial.codes);
  const [projectCountDelta, setDelta] = useState<Record<string, number>>({});
  const codingsRef = useRef(codings);
  const codesRef = useRef(codes);
  const notify = useNotify();

  const setCodings = useCallback((update: (list: Coding[]) => Coding[]) => {
    codingsRef.current = update(codingsRef.current);
    setCodingsState(codingsRef.current);
  }, []);
  const setCodes = useCallback((update: (list: Code[]) => Code[]) => {
    codesRef.current = update(codesRef.current);
    setCodesState(codesRef.current);
  }, []);
  const bump = useCallback((codeId: string, by: number) => setDelta((d) => ({ ...d, [codeId]: (d[codeId] ?? 0) + by })), []);

  const fail = useCallback(
    <T,>(result: ActionResult<T>): result is Extract<ActionResult<T>, { ok: false }> => {
      if (result.ok) return false;
      const details = Object.values(result.error.fieldErrors ?? {}).flat().join(" ");
      notify("error", `${result.error.message}${details ? ` ${details}` : ""}`);
      return true;
    },
    [notify],
  );

  const codeName = useCallback((codeId: string) => codesRef.current.find((c) => c.id === codeId)?.name ?? "a code", []);

  const apply = useCallback(
    (spec: { start: number; end: number; codeIds: string[]; memo?: string }): Operation => ({
      label: `tag with ${spec.codeIds.map(codeName).join(", ")}`,
      run: async () => {
        const now = new Date();
        const temps: Coding[] = spec.codeIds
          .filter((codeId) => !codingsRef.current.some((c) => c.codeId === codeId && c.coderId === ids.me.id && c.start === spec.start && c.end === spec.end))
          .map((codeId) => ({
            id: `temp-${tempCounter++}`,
            codeId,
            coderId: ids.me.id,
            start: spec.start,
            end: spec.end,
            memo: spec.memo ?? "",
            version: 1,
            updatedAt: now,
            coder: { name: ids.me.name },
          }));
        const tempIds = new Set(temps.map((t) => t.id));
        setCodings((list) => [...list, ...temps]);
        const result = await applyCodesAction({ projectId: ids.projectId, documentId: ids.documentId, documentVersion: ids.documentVersion, ...spec });
        if (fail(result)) {
          setCodings((list) => list.filter((c) => !tempIds.has(c.id)));
          return null;
        }
        const created = result.data.codings.filter((c) => result.data.created.includes(c.id));
        setCodings((list) => [...list.filter((c) => !tempIds.has(c.id) && !result.data.created.includes(c.id)), ...created]);
        created.forEach((c) => bump(c.codeId, 1));
        if (created.length === 0) {
          notify("info", "You had already tagged this passage with that code.");
          return "noop";
        }
        return remove(created.map((c) => c.id));
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.projectId, ids.documentId, ids.documentVersion, ids.text, ids.me.id],
  );

  const remove = useCallback(
    (codingIds: string[]): Operation => ({
      label: codingIds.length === 1 ? "delete a coding" : `delete ${codingIds.length} codings`,
      run: async () => {
        const targets = codingsRef.current.filter((c) => codingIds.includes(c.id));
        if (targets.length === 0) return null;
        setCodings((list) => list.filter((c) => !codingIds.includes(c.id)));
        const deleted: Coding[] = [];
        for (const coding of targets) {
          const result = await deleteCodingAction({ projectId: ids.projectId, codingId: coding.id, version: coding.version });
          if (fail(result)) {
            const current = result.error.current as Coding | undefined;
            if (result.error.code !== "NOT_FOUND") setCodings((list) => [...list, current ?? coding]);
          } else {
            deleted.push(coding);
            bump(coding.codeId, -1);
          }
        }
        return deleted.length > 0 ? restore(deleted) : null;
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.projectId],
  );

  const restore = useCallback(
    (snapshots: Coding[]): Operation => ({
      label: snapshots.length === 1 ? "restore a coding" : `restore ${snapshots.length} codings`,
      run: async () => {
        const restored: string[] = [];
        for (const s of snapshots) {
          const inverse = await apply({ start: s.start, end: s.end, codeIds: [s.codeId], memo: s.memo }).run();
          if (inverse && inverse !== "noop") {
            const created = codingsRef.current.find((c) => c.codeId === s.codeId && c.coderId === ids.me.id && c.start === s.start && c.end === s.end);
            if (created) restored.push(created.id);
          }
        }
        return restored.length > 0 ? remove(restored) : null;
      },
    }),
    [apply, remove, ids.me.id],
  );

  const update = useCallback(
    (codingId: string, changes: CodingChanges): Operation => ({
      label: changes.memo !== undefined ? "edit a memo" : changes.codeId ? "change a coding's code" : "adjust a coding",
      run: async () => {
        const before = codingsRef.current.find((c) => c.id === codingId);
        if (!before) return null;
        const start = changes.start ?? before.start;
        const end = changes.end ?? before.end;
        setCodings((list) => list.map((c) => (c.id === codingId ? { ...c, ...changes, start, end } : c)));
        const result = await updateCodingAction({ projectId: ids.projectId, codingId, version: before.version, ...changes });
        if (fail(result)) {
          const current = result.error.current as Coding | undefined;
          setCodings((list) => list.map((c) => (c.id === codingId ? (current ?? before) : c)));
          return null;
        }
        setCodings((list) => list.map((c) => (c.id === codingId ? result.data : c)));
        if (changes.codeId && changes.codeId !== before.codeId) {
          bump(before.codeId, -1);
          bump(changes.codeId, 1);
        }
        const undoChanges: CodingChanges = {};
        for (const key of Object.keys(changes) as (keyof CodingChanges)[]) (undoChanges as Record<string, unknown>)[key] = before[key];
        return update(codingId, undoChanges);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.projectId, ids.text],
  );

  /** A code typed into the picker: created, then applied to the passage at once. */
  const createAndApply = useCallback(
    (name: string, span: { start: number; end: number }): Operation => ({
      label: `create "${name}" and tag`,
      run: async () => {
        const result = await createCodeAction({ projectId: ids.projectId, name });
        if (fail(result)) return null;
        setCodes((list) => [...list, result.data]);
        return apply({ ...span, codeIds: [result.data.id] }).run();
      },
    }),
    [apply, fail, ids.projectId, setCodes],
  );

  /** A code added from the codebook panel with no passage selected (nothing to undo but the code). */
  const createCodeOnly = useCallback(
    (name: string): Operation => ({
      label: `create "${name}"`,
      run: async () => {
        const result = await createCodeAction({ projectId: ids.projectId, name });
        if (fail(result)) return null;
        setCodes((list) => [...list, result.data]);
        return "noop";
      },
    }),
    [fail, ids.projectId, setCodes],
  );

  const editCode = useCallback(
    (codeId: string, changes: Partial<Pick<Code, "name" | "colour" | "shortcut">>): Operation => ({
      label: changes.name ? "rename a code" : "edit a code",
      run: async () => {
        const before = codesRef.current.find((c) => c.id === codeId);
        if (!before) return null;
        setCodes((list) => list.map((c) => (c.id === codeId ? { ...c, ...changes } : c)));
        const result = await updateCodeAction({ projectId: ids.projectId, codeId, ...changes });
        if (fail(result)) {
          setCodes((list) => list.map((c) => (c.id === codeId ? before : c)));
          return null;
        }
        const undoChanges = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof Code]]));
        return editCode(codeId, undoChanges);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.projectId],
  );

  const moveCodeOp = useCallback(
    (codeId: string, parentId: string | null, position: number): Operation => ({
      label: "move a code",
      run: async () => {
        const before = codesRef.current.find((c) => c.id === codeId);
        if (!before) return null;
        const result = await moveCodeAction({ projectId: ids.projectId, codeId, parentId, position });
        if (fail(result)) return null;
        // Positions of siblings changed too: take the server's order for the whole level.
        setCodes((list) => renumber(list.map((c) => (c.id === codeId ? { ...c, parentId, position: result.data.position } : c)), codeId, parentId, position));
        return moveCodeOp(codeId, before.parentId, before.position);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.projectId],
  );

  const deleteCodeOp = useCallback(
    (codeId: string): Operation => ({
      label: "delete a code",
      run: async () => {
        const before = codesRef.current.find((c) => c.id === codeId);
        if (!before) return null;
        const result = await deleteCodeAction({ projectId: ids.projectId, codeId });
        if (fail(result)) return null;
        const hidden = codingsRef.current.filter((c) => c.codeId === codeId);
        const children = codesRef.current.filter((c) => c.parentId === codeId).map((c) => c.id);
        setCodes((list) => list.filter((c) => c.id !== codeId).map((c) => (c.parentId === codeId ? { ...c, parentId: before.parentId } : c)));
        setCodings((list) => list.filter((c) => c.codeId !== codeId));
        return {
          label: "restore a code",
          run: async () => {
            const restored = await restoreCodeAction({ projectId: ids.projectId, codeId });
            if (fail(restored)) return null;
            setCodes((list) => [...list.map((c) => (children.includes(c.id) && c.parentId === before.parentId ? { ...c, parentId: codeId } : c)), { ...before, ...restored.data }]);
            setCodings((list) => [...list, ...hidden]);
            return deleteCodeOp(codeId);
          },
        };
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.projectId],
  );

  const projectCount = useMemo(() => projectCountDelta, [projectCountDelta]);
  return { codings, codes, setCodes, setCodings, projectCountDelta: projectCount, ops: { apply, remove, update, createAndApply, createCodeOnly, editCode, moveCode: moveCodeOp, deleteCode: deleteCodeOp } };
}

function renumber(codes: Code[], movedId: string, parentId: string | null, position: number): Code[] {
  const siblings = codes.filter((c) => c.parentId === parentId && c.id !== movedId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const order = siblings.map((c) => c.id);
  order.splice(Math.min(position, order.length), 0, movedId);
  const positions = new Map(order.map((id, i) => [id, i]));
  return codes.map((c) => (positions.has(c.id) ? { ...c, position: positions.get(c.id)! } : c));
}
