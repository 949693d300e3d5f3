"use client";

import { useEffect, useState } from "react";
import { unpackCodes } from "@/lib/codes/packed";
import { unpackWorkspaceRows } from "@/lib/codings/view";
import { projectCodeCountsUrl, workspaceRestUrl, type ProjectCodeCounts, type WorkspaceRest } from "@/lib/codings/workspace-rest";
import type { Code, Coding, Turn } from "./types";

export type LoadedWorkspace = { text: string; turns: Turn[]; codings: Coding[]; codes: Code[] };

/**
 * The rest of the workspace after the page's opening screens (lib/codings/opening.ts), and the
 * codebook's counts in the project, fetched side by side (the page preloads both, so they are
 * on their way before hydration): the whole transcript, its codings and the whole codebook
 * make it ready to code; the project counts, a count over every coding of the project, follow
 * when they come. Each is null until it arrives; an error (the network, a signed-out session)
 * is returned for the page to show. `onLoaded` must be stable.
 */
export function useWorkspaceRest(projectId: string, documentId: string, onLoaded: (rest: LoadedWorkspace) => void) {
  const [loaded, setLoaded] = useState<LoadedWorkspace | null>(null);
  const [projectCounts, setProjectCounts] = useState<Record<string, number> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    const fail = (e: unknown) => {
      if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    };
    getJson<WorkspaceRest>(workspaceRestUrl(projectId, documentId), abort.signal)
      .then((rest) => {
        const { turns, codings } = unpackWorkspaceRows(rest.rows);
        const whole = { text: rest.text, turns, codings, codes: unpackCodes(rest.codes).codes };
        // In the same task as setLoaded, so React renders the caller's updates and this one together.
        onLoaded(whole);
        setLoaded(whole);
      })
      .catch(fail);
    getJson<ProjectCodeCounts>(projectCodeCountsUrl(projectId), abort.signal)
      .then((answer) => setProjectCounts(answer.counts))
      .catch(fail);
    return () => abort.abort();
  }, [projectId, documentId, onLoaded]);
  return { loaded, projectCounts, error };
}

// Plain fetch() with its defaults, which is what the page's <link rel=preload as=fetch> matches.
async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}
