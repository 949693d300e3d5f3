import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { runExportQdc, runExportQdpx } from "@/lib/interop/refi";

/**
 * GET .../export/qdpx (whole project) or .../export/qdc (codebook): REFI-QDA files to download.
 * A .qdpx takes ?target=standard|nvivo|atlasti|maxqda|qualcoder: whose way of counting
 * positions to write (lib/interop/refi/export-targets.ts); checked by the action's schema.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string; format: string }> }) {
  const { projectId, format } = await params;
  const target = new URL(request.url).searchParams.get("target") ?? undefined;
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  const result = format === "qdpx" ? await runExportQdpx(user, { projectId, target }) : format === "qdc" ? await runExportQdc(user, { projectId }) : null;
  if (!result) return NextResponse.json({ error: { code: "NOT_FOUND", message: "Export formats are qdpx and qdc." } }, { status: 404 });
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  const body = typeof result.data.data === "string" ? result.data.data : Buffer.from(result.data.data);
  return new NextResponse(body, {
    headers: {
      "Content-Type": result.data.contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(result.data.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
