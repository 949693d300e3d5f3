import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { commitAttributeSheet, previewAttributeSheet } from "@/lib/cases/attribute-import";
import { toActionError } from "@/lib/errors";
import { httpStatus, readJsonField } from "@/lib/http-status";
import { UPLOAD_LIMITS } from "@/lib/interop/limits";

/** POST multipart: `file` (CSV or XLSX), `mode` = "preview" or "commit" with `options` (JSON). Owners only. */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  if (Number(request.headers.get("content-length") ?? 0) > UPLOAD_LIMITS.maxRequestBytes) {
    return NextResponse.json({ error: { code: "VALIDATION", message: "The sheet is larger than the upload limit." } }, { status: 413 });
  }
  try {
    const form = await request.formData();
    const file = form.get("file");
    if (!(typeof file === "object" && file && "arrayBuffer" in file)) {
      return NextResponse.json({ error: { code: "VALIDATION", message: "No sheet was uploaded." } }, { status: 400 });
    }
    if (form.get("mode") === "commit") {
      const options = readJsonField(form, "options");
      return NextResponse.json({ result: await commitAttributeSheet(user, { ...options, projectId }, file) });
    }
    return NextResponse.json({ preview: await previewAttributeSheet(user, projectId, file) });
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
