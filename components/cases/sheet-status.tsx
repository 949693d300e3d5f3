"use client";

import { createContext, useContext, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

type Report = (message: { kind: "ok" | "error"; text: string } | null) => void;

const StatusContext = createContext<Report>(() => undefined);

export const StatusProvider = ({ report, children }: { report: Report; children: ReactNode }) => <StatusContext.Provider value={report}>{children}</StatusContext.Provider>;

/**
 * Runs one of the case sheet's actions: the sheet's one status line says what went wrong (or
 * what was done), and the page re-reads itself (the actions revalidate the project's pages).
 */
export function useSheetAction() {
  const report = useContext(StatusContext);
  const [pending, startTransition] = useTransition();
  const run = <T,>(call: () => Promise<ActionResult<T>>, done?: (data: T) => string | null, failed?: () => void) =>
    startTransition(async () => {
      const result = await call();
      // A success with nothing to say leaves the status alone: it may be another cell's error,
      // and `done` may have just reported something itself.
      if (result.ok) {
        const text = done?.(result.data);
        if (text) report({ kind: "ok", text });
      } else {
        report({ kind: "error", text: result.error.message });
        failed?.();
      }
    });
  return { pending, run, report };
}
