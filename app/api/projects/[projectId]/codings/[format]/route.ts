import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { getCurrentUser } from "@/lib/auth/session";
import { codingRows, rowsToCsv, rowsToXlsx } from "@/lib/codings/export";
import { db } from "@/lib/db/client";
import { toActionError } from "@/lib/errors";
import { httpStatus } from "@/lib/http-status";
import { visibleCoderIds } from "@/lib/rigour/blind";

/** GET .../codings/csv or .../codings/xlsx: every coding the reader may see, one row each. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; format: string }> }) {
  const { projectId, format } = await params;
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  if (format !== "csv" && format !== "xlsx") return NextResponse.json({ error: { code: "NOT_FOUND", message: "Formats are csv and xlsx." } }, { status: 404 });
  try {
    const ctx = await authorizeProject(user, projectId, "viewer");
    const rows = await codingRows(projectId, await visibleCoderIds(projectId, null, { id: user.id, role: ctx.role }));
    const { name } = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
    const file = encodeURIComponent(`${name} codings.${format}`);
    const body = format === "csv" ? rowsToCsv(rows) : Buffer.from(await rowsToXlsx(rows));
    return new NextResponse(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename*=UTF-8''${file}`,
      },
    });
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
