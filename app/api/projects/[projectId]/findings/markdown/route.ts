import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { AppError } from "@/lib/errors";
import { getFindingsReport } from "@/lib/findings/data";
import { findingsToMarkdown } from "@/lib/findings/markdown";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { pageSelection } from "@/lib/analysis/page-selection";
import { db } from "@/lib/db/client";
import { readScope } from "@/lib/rigour/blind";

/** GET: the findings report as Markdown, under ?coders= (whose coding counts). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return signedInRoute(async (user) => {
    const ctx = await authorizeProject(user, projectId, "viewer");
    const { selection, hidden } = await pageSelection(projectId, { id: user.id, role: ctx.role }, new URL(request.url).searchParams.get("coders") ?? undefined);
    if (hidden) throw new AppError("FORBIDDEN", "Blind coding is on: the report is hidden until an owner reveals the coding.");
    const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
    const report = await getFindingsReport(projectId, selection, await readScope(projectId, { id: user.id, role: ctx.role }));
    const markdown = findingsToMarkdown(project.name, report, new Date());
    return new NextResponse(markdown, {
      headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${project.name} findings.md`)}` },
    });
  });
}
