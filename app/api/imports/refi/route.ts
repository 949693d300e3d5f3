import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { REFI_IMPORT_LIMITS, runStartRefiImport } from "@/lib/interop/refi";

/**
 * POST multipart `file` (.qdpx or .qdc) and optional `intoProjectId` (a .qdc merged into a
 * project the caller owns). A .qdpx, or a .qdc without a project, becomes a new project.
 * Answers 202 with the id of the background job doing the import (GET /api/jobs/[jobId]).
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  if (Number(request.headers.get("content-length") ?? 0) > REFI_IMPORT_LIMITS.maxUploadBytes + 1024 * 1024) {
    return NextResponse.json({ error: { code: "VALIDATION", message: `The file is larger than the ${Math.round(REFI_IMPORT_LIMITS.maxUploadBytes / 1048576)} MB limit.` } }, { status: 413 });
  }
  const form = await request.formData();
  const file = form.get("file");
  if (!(typeof file === "object" && file && "arrayBuffer" in file)) {
    return NextResponse.json({ error: { code: "VALIDATION", message: "No file was uploaded." } }, { status: 400 });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const intoProjectId = String(form.get("intoProjectId") ?? "") || undefined;
  const result = await runStartRefiImport(user, { fileName: file.name, bytes, ...(intoProjectId ? { intoProjectId } : {}) });
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  return NextResponse.json({ jobId: result.data.jobId }, { status: 202 });
}
