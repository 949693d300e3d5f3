"use client";

import { useCallback, useEffect, useState } from "react";

const RECENT_CODES = 5;

/**
 * The codes this analyst applied last in the project (newest first, at most five), kept in the
 * browser so the picker lists them first on every transcript and after a reload.
 */
export function useRecentCodes(projectId: string) {
  const [recent, setRecent] = useState<string[]>([]);
  const key = `grounded:recent:${projectId}`;
  useEffect(() => {
    try {
      setRecent(JSON.parse(localStorage.getItem(key) ?? "[]"));
    } catch {
      setRecent([]);
    }
  }, [key]);
  const remember = useCallback(
    (codeIds: string[]) =>
      setRecent((list) => {
        const next = [...codeIds, ...list.filter((id) => !codeIds.includes(id))].slice(0, RECENT_CODES);
        localStorage.setItem(key, JSON.stringify(next));
        return next;
      }),
    [key],
  );
  return { recent, remember };
}
