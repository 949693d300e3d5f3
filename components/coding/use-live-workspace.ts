"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useLive } from "@/components/live/use-live";
import { unpackCodes } from "@/lib/codes/packed";
import { unpackWorkspaceRows } from "@/lib/codings/view";
import { projectCodeCountsUrl, workspaceRestUrl, type ProjectCodeCounts, type WorkspaceRest } from "@/lib/codings/workspace-rest";
import type { LiveEvent } from "@/lib/live/events";
import type { Code, Coding } from "./types";

/** Changes that move this transcript's codings or the codebook (the rest only move the project's counts). */
const touches = (event: LiveEvent, documentId: string) =>
  event.documentId === documentId || event.entity === "Code" || (event.entity === "CodingBatch" && event.documentId === null) || (event.entity === "Coding" && event.documentId === null);
const COUNTED = new Set(["Coding", "CodingBatch", "Code"]);

/**
 * Another analyst's work appearing in the workspace as it happens: each change the server lets
 * this reader hear of (blind coding decides, lib/live/events.ts) makes the workspace re-read
 * its codings and codebook through the same route it loaded them from, a quarter second after
 * the last of a burst; the codebook's project counts are re-read too and returned as a new base
 * (with the local changes counted so far, so the caller adds only those made since).
 */
export function useLiveWorkspace(options: {
  projectId: string;
  documentId: string;
  me: string;
  since: string;
  enabled: boolean;
  setCodings: (update: (list: Coding[]) => Coding[]) => void;
  setCodes: (update: (list: Code[]) => Code[]) => void;
  localDelta: Record<string, number>;
}) {
  const { projectId, documentId, setCodings, setCodes } = options;
  const [countBase, setCountBase] = useState<{ counts: Record<string, number>; delta: Record<string, number> } | null>(null);
  // Someone corrected this transcript: its text and every offset moved, so the page stops
  // patching codings onto the old text and asks for a reload (its edits are refused as stale meanwhile).
  const [corrected, setCorrected] = useState<{ by: string } | null>(null);
  const stale = useRef(false);
  const localDelta = useRef(options.localDelta);
  localDelta.current = options.localDelta;
  const pending = useRef<{ here: boolean; counts: boolean; timer: ReturnType<typeof setTimeout> | null }>({ here: false, counts: false, timer: null });
  const enabled = useRef(options.enabled);
  enabled.current = options.enabled;

  const refresh = useCallback(async (here: boolean, counts: boolean) => {
    if (here) {
      const response = await fetch(workspaceRestUrl(projectId, documentId));
      if (response.ok) {
        const rest = (await response.json()) as WorkspaceRest;
        setCodings(() => unpackWorkspaceRows(rest.rows).codings);
        setCodes(() => unpackCodes(rest.codes).codes);
      }
    }
    if (counts) {
      const delta = { ...localDelta.current };
      const response = await fetch(projectCodeCountsUrl(projectId));
      if (response.ok) setCountBase({ counts: ((await response.json()) as ProjectCodeCounts).counts, delta });
    }
  }, [projectId, documentId, setCodings, setCodes]);

  const schedule = useCallback((here: boolean, counts: boolean) => {
    const p = pending.current;
    p.here ||= here;
    p.counts ||= counts;
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      const { here: h, counts: c } = p;
      p.here = p.counts = false;
      p.timer = null;
      // Until the whole workspace has loaded, its own load brings everything.
      if (enabled.current && !stale.current) void refresh(h, c).catch(() => undefined);
    }, 250);
  }, [refresh]);
  useEffect(() => () => {
    if (pending.current.timer) clearTimeout(pending.current.timer);
  }, []);

  const { people } = useLive({
    projectId,
    where: `document:${documentId}`,
    since: options.since,
    me: options.me,
    onChange: (event) => {
      if (event.action === "document.correct" && event.documentId === documentId) {
        stale.current = true;
        setCorrected({ by: event.actor?.name ?? "Someone" });
        return;
      }
      schedule(touches(event, documentId), COUNTED.has(event.entity));
    },
    onReset: () => schedule(true, true),
  });
  return { people, countBase, corrected };
}

/** The project's counts from a live base plus the local changes made since it was read. */
export function countsSince(base: { counts: Record<string, number>; delta: Record<string, number> }, delta: Record<string, number>): Record<string, number> {
  const counts = { ...base.counts };
  for (const id of new Set([...Object.keys(delta), ...Object.keys(base.delta)])) counts[id] = (counts[id] ?? 0) + (delta[id] ?? 0) - (base.delta[id] ?? 0);
  return counts;
}
