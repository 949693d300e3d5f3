import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { runAgreementExport } from "@/lib/rigour/export";

/**
 * GET .../rigour/agreement/export?coders=<id>,<id>&unit=segment&scope=done&format=csv|xlsx|txt:
 * the agreement table as the page shows it, as a file. Validation, membership and blind mode
 * are runAgreementExport's.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const search = new URL(request.url).searchParams;
  const coders = search.get("coders");
  const input = {
    projectId,
    coderIds: coders ? coders.split(",").map((s) => s.trim()).filter(Boolean) : undefined,
    unit: search.get("unit") ?? undefined,
    scope: search.get("scope") ?? undefined,
    format: search.get("format") ?? "csv",
  };
  const result = await runAgreementExport(await getCurrentUser(), input);
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  const { fileName, contentType, data } = result.data;
  return new NextResponse(typeof data === "string" ? data : Buffer.from(data), {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` },
  });
}
