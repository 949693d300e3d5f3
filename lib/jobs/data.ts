import { db } from "../db/client";
import type { BackgroundJob } from "../db/generated/client";
import { readOutcome } from "./schema";
import type { JobView } from "./types";

/** Finished jobs stay in the list until dismissed, for at most this long. */
const NOTICE_DAYS = 14;
const LIST_LIMIT = 20;

/**
 * A job its owner may read: their own, and, for work on a project, only while they are
 * still a member of it (a removed member loses sight of the project's jobs with the
 * project). Anything else is null, which callers answer with NOT_FOUND.
 */
export async function findJobForUser(userId: string, jobId: string): Promise<BackgroundJob | null> {
  const job = await db().backgroundJob.findFirst({ where: { id: jobId, userId } });
  if (!job) return null;
  if (job.projectId) {
    const membership = await db().membership.findUnique({ where: { projectId_userId: { projectId: job.projectId, userId } }, select: { id: true } });
    if (!membership) return null;
  }
  return job;
}

/** What the jobs indicator shows: jobs still running, and outcomes not yet dismissed, newest first. */
export async function listJobsForUser(userId: string): Promise<BackgroundJob[]> {
  const since = new Date(Date.now() - NOTICE_DAYS * 24 * 3600 * 1000);
  return db().backgroundJob.findMany({
    where: {
      userId,
      OR: [{ status: { in: ["queued", "running"] } }, { seenAt: null, createdAt: { gte: since } }],
      AND: [{ OR: [{ projectId: null }, { project: { memberships: { some: { userId } } } }] }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
  });
}

export function toJobView(job: BackgroundJob): JobView {
  return {
    id: job.id,
    kind: job.kind,
    label: job.label,
    status: job.status,
    done: job.done,
    total: job.total,
    step: job.step,
    projectId: job.projectId,
    outcome: job.status === "succeeded" ? readOutcome(job.result) : null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    seen: job.seenAt !== null,
  };
}
