import { REFI_IMPORT_LIMITS, runStartRefiImport } from "@/lib/interop/refi";
import { startJobFromUpload } from "@/lib/jobs/upload-route";

/**
 * POST multipart `file` (.qdpx or .qdc) and optional `intoProjectId` (a .qdc merged into a
 * project the caller owns). A .qdpx, or a .qdc without a project, becomes a new project,
 * named `projectName` and described by `projectDescription` when given ("New project").
 * `weakPositions=ask` stops a .qdpx whose positions could be read two ways before anything is
 * written, answering with both readings to compare; `accept` (the default) imports.
 * Answers 202 with the id of the background job doing the import (GET /api/jobs/[jobId]).
 */
export async function POST(request: Request) {
  return startJobFromUpload(request, REFI_IMPORT_LIMITS.maxUploadBytes, (user, file, form) => {
    const field = (name: string) => (typeof form.get(name) === "string" && String(form.get(name)).trim() ? String(form.get(name)) : undefined);
    const options = { intoProjectId: field("intoProjectId"), projectName: field("projectName"), projectDescription: field("projectDescription"), weakPositions: field("weakPositions") };
    return runStartRefiImport(user, { ...file, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) });
  });
}
