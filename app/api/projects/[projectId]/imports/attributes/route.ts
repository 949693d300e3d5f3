import { NextResponse } from "next/server";
import { commitAttributeSheet, previewAttributeSheet } from "@/lib/cases/attribute-import";
import { readJsonField } from "@/lib/http-status";
import { formFile, uploadRoute } from "@/lib/http/upload";
import { UPLOAD_LIMITS } from "@/lib/interop/limits";

/** POST multipart: `file` (CSV or XLSX), `mode` = "preview" or "commit" with `options` (JSON). Owners only. */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return uploadRoute(request, UPLOAD_LIMITS.maxRequestBytes, async (user, form) => {
    const file = formFile(form, "file", "sheet");
    if (form.get("mode") === "commit") {
      return NextResponse.json({ result: await commitAttributeSheet(user, { ...readJsonField(form, "options"), projectId }, file) });
    }
    return NextResponse.json({ preview: await previewAttributeSheet(user, projectId, file) });
  });
}
