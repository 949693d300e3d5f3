import { runStartRestore } from "@/lib/interop/backup";
import { REFI_IMPORT_LIMITS } from "@/lib/interop/refi";
import { startJobFromUpload } from "@/lib/jobs/upload-route";

/**
 * POST multipart `file`: a project backup (.zip), restored as a new project the caller owns.
 * Answers 202 with the id of the background job doing it (GET /api/jobs/[jobId]).
 */
export async function POST(request: Request) {
  return startJobFromUpload(request, REFI_IMPORT_LIMITS.maxUploadBytes, (user, file) => runStartRestore(user, file));
}
