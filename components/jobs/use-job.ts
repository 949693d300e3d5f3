"use client";

import { useEffect, useState } from "react";
import { isActive, type JobView } from "@/lib/jobs/types";
import { fetchJob } from "./jobs-client";

const POLL_MS = 1000;

/**
 * Follows one job while it is queued or running (polling once a second), then stops. The
 * page may be left at any time: the job goes on in the server, and the header shows it.
 */
export function useJob(jobId: string | null): { job: JobView | null; error: string | null } {
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchJob(jobId);
        if (stopped) return;
        setJob(next);
        if (isActive(next.status)) timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (!stopped) setError((e as Error).message);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return { job, error };
}
