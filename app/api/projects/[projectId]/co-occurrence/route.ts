import { NextResponse } from "next/server";
import { coOccurrenceCsv } from "@/lib/analysis/co-occurrence-csv";
import { coderSelectionFromParam } from "@/lib/analysis/coder-selection";
import { pageSelection } from "@/lib/analysis/page-selection";
import { coOccurrenceExportSchema } from "@/lib/analysis/schema";
import { authorizeProject } from "@/lib/auth/project-access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";

/**
 * GET /api/projects/<id>/co-occurrence?coders=<selection>: every pair of codes that co-occurs,
 * as CSV (lib/analysis/co-occurrence-csv.ts), for a codebook too large for the matrix on the
 * summaries page. Members only; under blind coding the reader gets what the page would show
 * them (their own coding), and a viewer nothing. no-store comes from proxy.ts, as for all of /api.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return signedInRoute(async (user) => {
    const parsed = coOccurrenceExportSchema.safeParse({ projectId: (await params).projectId, coders: new URL(request.url).searchParams.get("coders") ?? undefined });
    if (!parsed.success) throw new AppError("VALIDATION", "That link to the co-occurrence download is not valid.");
    const { projectId, coders } = parsed.data;
    const ctx = await authorizeProject(user, projectId, "viewer");
    if (coderSelectionFromParam(coders) === null) throw new AppError("VALIDATION", "Choose whose coding counts: the link names a selection that does not exist.");
    const { selection, hidden } = await pageSelection(projectId, { id: user.id, role: ctx.role }, coders);
    if (hidden) throw new AppError("FORBIDDEN", "Blind coding is on: co-occurrence is hidden from viewers until an owner reveals the coding.");
    const csv = await coOccurrenceCsv(projectId, selection);
    const { name } = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
    return new NextResponse(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${name} co-occurrence.csv`)}`,
        "Cache-Control": "no-store",
      },
    });
  });
}
