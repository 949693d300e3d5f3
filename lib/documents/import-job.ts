import { authorizeProject } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import { startJob, type StartedJob } from "../jobs/runner";
import { importTranscripts } from "./import";
import { allParsed, checkCommit, parseOne } from "./import-request";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The confirmed files of a transcript import, stored in the background (lib/jobs): the
 * options are checked and the files read into memory before this returns the job; then
 * each file is parsed (one step each) and all are stored in one transaction (the last
 * step), so a failure at any point stores nothing and is recorded on the job.
 */
export async function startTranscriptImport(user: CurrentUser, rawOptions: unknown, files: File[]): Promise<StartedJob> {
  const { ctx, options, chosen } = await checkCommit(user, rawOptions, files);
  const uploads = await Promise.all(chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const project = await db().project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { name: true } });
  const count = plural(uploads.length, "transcript");
  return startJob(
    { userId: user.id, projectId: ctx.projectId, kind: "transcripts.import", label: `Importing ${count} into ${project.name}`, total: uploads.length + 1, step: "Waiting to start" },
    async (job) => {
      // Still an owner now that the work starts (it may have waited its turn).
      const current = await authorizeProject(user, ctx.projectId, "owner");
      const parsed = [];
      for (const [i, upload] of uploads.entries()) {
        await job.report({ done: i, step: `Reading ${upload.name}` });
        parsed.push(await parseOne(upload.name, upload.bytes));
      }
      const transcripts = allParsed(parsed);
      await job.report({ done: uploads.length, step: `Saving ${count}` });
      const imported = await importTranscripts(current, transcripts.map((p, i) => ({ parsed: p, options: options.files[i] })));
      return { message: `Imported ${count} into ${project.name}.`, href: `/projects/${ctx.projectId}`, details: { imported } };
    },
  );
}
