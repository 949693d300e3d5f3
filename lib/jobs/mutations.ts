import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { findJobForUser } from "./data";
import type { JobKind } from "./schema";
import type { JobOutcome } from "./types";

/**
 * Writes of BackgroundJob rows. Progress and outcome are written by the runner (runner.ts)
 * outside the job's own transaction, on purpose: they must be seen while the work is still
 * running, and a failure must be recorded after the work's transaction rolled back.
 */

export const INTERRUPTED_MESSAGE = "interrupted: the server stopped during this job; nothing was imported";

export type NewJob = { userId: string; projectId: string | null; kind: JobKind; label: string; total: number; step: string };

export function createJob(id: string, job: NewJob) {
  return db().backgroundJob.create({ data: { id, ...job, status: "queued" }, select: { id: true } });
}

export async function markRunning(jobId: string): Promise<void> {
  await db().backgroundJob.update({ where: { id: jobId }, data: { status: "running", startedAt: new Date() } });
}

/** Only a running job's progress moves: a late write never revives a finished one. */
export async function writeProgress(jobId: string, progress: { done?: number; total?: number; step?: string }): Promise<void> {
  await db().backgroundJob.updateMany({ where: { id: jobId, status: "running" }, data: progress });
}

export async function markSucceeded(jobId: string, outcome: JobOutcome): Promise<void> {
  const job = await db().backgroundJob.findUniqueOrThrow({ where: { id: jobId }, select: { total: true } });
  await db().backgroundJob.update({
    where: { id: jobId },
    data: { status: "succeeded", done: job.total, step: "Done", result: toJson(outcome), error: null, finishedAt: new Date() },
  });
}

export async function markFailed(jobId: string, message: string): Promise<void> {
  await db().backgroundJob.update({ where: { id: jobId }, data: { status: "failed", error: message, finishedAt: new Date() } });
}

/** The user has seen the outcome: the notice goes away. Someone else's job is NOT_FOUND. */
export async function dismissJob(user: CurrentUser, jobId: string): Promise<{ id: string }> {
  const job = await findJobForUser(user.id, jobId);
  if (!job) throw notFound("That job");
  await db().backgroundJob.updateMany({ where: { id: job.id, userId: user.id, seenAt: null }, data: { seenAt: new Date() } });
  return { id: job.id };
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
