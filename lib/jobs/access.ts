import { z } from "zod";
import { runSignedIn } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { notFound, type ActionResult } from "../errors";
import { findJobForUser, listJobsForUser, toJobView } from "./data";
import { dismissJob } from "./mutations";
import { jobIdSchema } from "./schema";
import type { JobView } from "./types";

/**
 * The jobs API behind the usual rules: signed in, input checked with zod, and only the
 * job's owner reads or dismisses it (while still a member of its project); anyone else's
 * job is NOT_FOUND, the same answer as a job that does not exist.
 */
export function runListJobs(user: CurrentUser | null): Promise<ActionResult<JobView[]>> {
  return runSignedIn(user, z.object({}), async (me) => (await listJobsForUser(me.id)).map(toJobView), {});
}

export function runGetJob(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<JobView>> {
  return runSignedIn(user, jobIdSchema, async (me, input) => {
    const job = await findJobForUser(me.id, input.jobId);
    if (!job) throw notFound("That job");
    return toJobView(job);
  }, rawInput);
}

export function runDismissJob(user: CurrentUser | null, rawInput: unknown): Promise<ActionResult<{ id: string }>> {
  return runSignedIn(user, jobIdSchema, (me, input) => dismissJob(me, input.jobId), rawInput);
}
