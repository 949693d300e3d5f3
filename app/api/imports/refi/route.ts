import { REFI_IMPORT_LIMITS, runStartRefiImport } from "@/lib/interop/refi";
import { startJobFromUpload } from "@/lib/jobs/upload-route";

/**
 * POST multipart `file` (.qdpx or .qdc) and optional `intoProjectId` (a .qdc merged into a
 * project the caller owns). A .qdpx, or a .qdc without a project, becomes a new project.
 * Answers 202 with the id of the background job doing the import (GET /api/jobs/[jobId]).
 */
export async function POST(request: Request) {
  return startJobFromUpload(request, REFI_IMPORT_LIMITS.maxUploadBytes, (user, file, form) => {
    const intoProjectId = String(form.get("intoProjectId") ?? "") || undefined;
    return runStartRefiImport(user, { ...file, ...(intoProjectId ? { intoProjectId } : {}) });
  });
}
