import { NextResponse } from "next/server";
import { startTranscriptImport } from "@/lib/documents/import-job";
import { previewTranscriptImport, readUploadedFiles } from "@/lib/documents/import-request";
import { readJsonField } from "@/lib/http-status";
import { uploadRoute } from "@/lib/http/upload";
import { UPLOAD_LIMITS } from "@/lib/interop/limits";

/**
 * POST multipart: `files` (one or more) and `mode` = "preview" (parse only, store nothing)
 * or "commit" with `options` (JSON: titles, speakers, cases). Owners only. A commit answers
 * 202 with the id of the background job that stores the files (GET /api/jobs/[jobId]).
 */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return uploadRoute(request, UPLOAD_LIMITS.maxRequestBytes, async (user, form) => {
    const files = await readUploadedFiles(form);
    if (form.get("mode") === "commit") {
      const { jobId } = await startTranscriptImport(user, { ...readJsonField(form, "options"), projectId }, files);
      return NextResponse.json({ jobId }, { status: 202 });
    }
    return NextResponse.json({ previews: await previewTranscriptImport(user, projectId, files) });
  });
}
