import { NextResponse } from "next/server";
import type { CurrentUser } from "../auth/session";
import type { ActionResult } from "../errors";
import { httpStatus } from "../http-status";
import { ENVELOPE_BYTES, formFile, uploadRoute } from "../http/upload";
import type { StartedJob } from "./runner";

/**
 * The HTTP side of "upload one file, work on it in the background": sign-in, the body read
 * within the size limit (lib/http/upload.ts), the multipart `file`, then `start` (which
 * validates the rest and checks roles) and 202 with the job's id (GET /api/jobs/[jobId]).
 */
export function startJobFromUpload(
  request: Request,
  maxUploadBytes: number,
  start: (user: CurrentUser, file: { fileName: string; bytes: Uint8Array }, form: FormData) => Promise<ActionResult<StartedJob>>,
): Promise<Response> {
  return uploadRoute(request, maxUploadBytes + ENVELOPE_BYTES, async (user, form) => {
    const file = formFile(form, "file");
    const result = await start(user, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
    return NextResponse.json({ jobId: result.data.jobId }, { status: 202 });
  });
}
