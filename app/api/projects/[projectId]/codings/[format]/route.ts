import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { codingExport, csvStream, xlsxStream } from "@/lib/codings/export";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { visibleCoderIds } from "@/lib/rigour/blind";

/** GET .../codings/csv or .../codings/xlsx: every coding the reader may see, one row each, streamed. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; format: string }> }) {
  const { projectId, format } = await params;
  return signedInRoute(async (user) => {
    if (format !== "csv" && format !== "xlsx") throw new AppError("NOT_FOUND", "Formats are csv and xlsx.");
    const ctx = await authorizeProject(user, projectId, "viewer");
    const source = await codingExport(projectId, await visibleCoderIds(projectId, null, { id: user.id, role: ctx.role }));
    const { name } = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
    const file = encodeURIComponent(`${name} codings.${format}`);
    const body = format === "csv" ? csvStream(source) : xlsxStream(source);
    return new NextResponse(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename*=UTF-8''${file}`,
      },
    });
  });
}
