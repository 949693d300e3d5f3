import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { startTranscriptImport } from "@/lib/documents/import-job";
import { previewTranscriptImport, readUploadedFiles } from "@/lib/documents/import-request";
import { toActionError } from "@/lib/errors";
import { UPLOAD_LIMITS } from "@/lib/interop/limits";
import { httpStatus, readJsonField } from "@/lib/http-status";

/**
 * POST multipart: `files` (one or more) and `mode` = "preview" (parse only, store nothing)
 * or "commit" with `options` (JSON: titles, speakers, cases). Owners only. A commit answers
 * 202 with the id of the background job that stores the files (GET /api/jobs/[jobId]).
 */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > UPLOAD_LIMITS.maxRequestBytes) {
    return NextResponse.json({ error: { code: "VALIDATION", message: `The upload is ${(length / 1048576).toFixed(0)} MB; the limit is ${UPLOAD_LIMITS.maxRequestBytes / 1048576} MB.` } }, { status: 413 });
  }
  try {
    const form = await request.formData();
    const files = await readUploadedFiles(form);
    if (form.get("mode") === "commit") {
      const options = readJsonField(form, "options");
      const { jobId } = await startTranscriptImport(user, { ...options, projectId }, files);
      return NextResponse.json({ jobId }, { status: 202 });
    }
    return NextResponse.json({ previews: await previewTranscriptImport(user, projectId, files) });
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
