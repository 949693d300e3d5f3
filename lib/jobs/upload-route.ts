import { NextResponse } from "next/server";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import type { ActionResult } from "../errors";
import { httpStatus } from "../http-status";
import type { StartedJob } from "./runner";

/**
 * The HTTP side of "upload one file, work on it in the background": sign-in, a size check
 * before the body is read, the multipart `file`, then `start` (which validates the rest and
 * checks roles) and 202 with the job's id (GET /api/jobs/[jobId]).
 */
export async function startJobFromUpload(
  request: Request,
  maxUploadBytes: number,
  start: (user: CurrentUser, file: { fileName: string; bytes: Uint8Array }, form: FormData) => Promise<ActionResult<StartedJob>>,
): Promise<NextResponse> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  // The multipart envelope adds a little to the file itself.
  if (Number(request.headers.get("content-length") ?? 0) > maxUploadBytes + 1024 * 1024) {
    return NextResponse.json({ error: { code: "VALIDATION", message: `The file is larger than the ${Math.round(maxUploadBytes / 1048576)} MB limit.` } }, { status: 413 });
  }
  const form = await request.formData();
  const file = form.get("file");
  if (!(typeof file === "object" && file && "arrayBuffer" in file)) {
    return NextResponse.json({ error: { code: "VALIDATION", message: "No file was uploaded." } }, { status: 400 });
  }
  const result = await start(user, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form);
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  return NextResponse.json({ jobId: result.data.jobId }, { status: 202 });
}
