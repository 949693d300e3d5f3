import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { runExportBackup } from "@/lib/interop/backup";

/** GET: the whole project as one backup archive (.zip) to download. Owners only. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const result = await runExportBackup(await getCurrentUser(), { projectId });
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  return new NextResponse(Buffer.from(result.data.data), {
    headers: {
      "Content-Type": result.data.contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(result.data.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
