"use client";

import { useCallback, useRef, useState } from "react";

/**
 * An operation runs a change and, when it succeeds, returns the operation that undoes it
 * (which in turn returns the redo). "noop" means it succeeded but changed nothing (a code
 * applied twice), so there is nothing to undo; null means it failed (already reported).
 */
export type Operation = { label: string; run: () => Promise<Operation | "noop" | null> };

export function useUndoStack() {
  const undo = useRef<Operation[]>([]);
  const redo = useRef<Operation[]>([]);
  const busy = useRef(false);
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  // Operations run one at a time, in order: an undo must not overtake the change it undoes.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(task, task);
    return queue.current;
  }, []);

  const perform = useCallback(
    (op: Operation) =>
      enqueue(async () => {
        busy.current = true;
        const inverse = await op.run();
        busy.current = false;
        if (inverse && inverse !== "noop") {
          undo.current.push(inverse);
          redo.current = [];
        }
        changed();
      }),
    [enqueue],
  );

  const step = useCallback(
    (from: React.RefObject<Operation[]>, to: React.RefObject<Operation[]>) =>
      enqueue(async () => {
        const op = from.current.pop();
        if (!op) return;
        const inverse = await op.run();
        if (inverse && inverse !== "noop") to.current.push(inverse);
        changed();
      }),
    [enqueue],
  );

  return {
    perform,
    undo: useCallback(() => step(undo, redo), [step]),
    redo: useCallback(() => step(redo, undo), [step]),
    canUndo: undo.current.length > 0,
    canRedo: redo.current.length > 0,
    nextUndoLabel: undo.current.at(-1)?.label,
    nextRedoLabel: redo.current.at(-1)?.label,
  };
}
