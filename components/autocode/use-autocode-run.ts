"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undoAutocodeBatchAction } from "@/lib/autocode/actions";
import type { AutocodeResult } from "@/lib/autocode/mutations";
import type { AutocodePreview } from "@/lib/autocode/plan";
import type { ActionResult } from "@/lib/errors";
import type { UndoData } from "./undo-outcome";

type Action<R> = (input: unknown) => Promise<ActionResult<R>>;

/**
 * Preview, apply and undo for one form: the same input goes to the preview and the apply
 * action, so what is applied is what was previewed (recomputed on the server).
 */
export function useAutocodeRun(projectId: string, previewAction: Action<AutocodePreview>, applyAction: Action<AutocodeResult>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [preview, setPreview] = useState<{ input: Record<string, unknown>; data: AutocodePreview } | null>(null);
  const [applied, setApplied] = useState<AutocodeResult | null>(null);
  const [undone, setUndone] = useState<UndoData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (fn: () => Promise<void>) => startTransition(async () => {
    setError(null);
    await fn();
  });
  const fail = (result: { ok: false; error: { message: string; fieldErrors?: Record<string, string[]> } }) =>
    setError(Object.values(result.error.fieldErrors ?? {})[0]?.[0] ?? result.error.message);

  return {
    pending,
    preview: preview?.data ?? null,
    applied,
    undone,
    error,
    askPreview: (input: Record<string, unknown>) => run(async () => {
      setApplied(null);
      setUndone(null);
      const result = await previewAction({ projectId, ...input });
      if (!result.ok) return fail(result);
      setPreview({ input, data: result.data });
    }),
    apply: () => run(async () => {
      if (!preview) return;
      const result = await applyAction({ projectId, ...preview.input });
      if (!result.ok) return fail(result);
      setPreview(null);
      setApplied(result.data);
      router.refresh();
    }),
    undo: () => run(async () => {
      if (!applied?.batchId) return;
      const result = await undoAutocodeBatchAction({ projectId, batchId: applied.batchId });
      if (!result.ok) return fail(result);
      setApplied(null);
      setUndone(result.data);
      router.refresh();
    }),
    cancel: () => setPreview(null),
  };
}
