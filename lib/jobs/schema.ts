import { z } from "zod";
import type { JobOutcome } from "./types";

/** The inputs of the jobs API: a job's id, from the URL. */
export const jobIdSchema = z.object({ jobId: z.string().trim().min(1, "Name a job.").max(64) });

/** The kinds of work that run in the background, each started by its own domain. */
export const JOB_KINDS = ["transcripts.import", "refi.import", "backup.restore"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const outcomeSchema = z.object({ message: z.string(), href: z.string().nullable(), details: z.unknown().optional() });

/** BackgroundJob.result as stored by the runner; anything else (a row written by hand) reads as no outcome. */
export function readOutcome(json: unknown): JobOutcome | null {
  const parsed = outcomeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
