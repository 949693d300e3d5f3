import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { getCurrentUser } from "@/lib/auth/session";
import { toActionError } from "@/lib/errors";
import { getFindingsReport } from "@/lib/findings/data";
import { findingsToMarkdown } from "@/lib/findings/markdown";
import { httpStatus } from "@/lib/http-status";
import { pageSelection } from "@/lib/analysis/page-selection";
import { db } from "@/lib/db/client";
import { readScope } from "@/lib/rigour/blind";

/** GET: the findings report as Markdown, under ?coders= (whose coding counts). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  try {
    const ctx = await authorizeProject(user, projectId, "viewer");
    const { selection, hidden } = await pageSelection(projectId, { id: user.id, role: ctx.role }, new URL(request.url).searchParams.get("coders") ?? undefined);
    if (hidden) return NextResponse.json({ error: { code: "FORBIDDEN", message: "Blind coding is on: the report is hidden until an owner reveals the coding." } }, { status: 403 });
    const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
    const report = await getFindingsReport(projectId, selection, await readScope(projectId, { id: user.id, role: ctx.role }));
    const markdown = findingsToMarkdown(project.name, report, new Date());
    return new NextResponse(markdown, {
      headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${project.name} findings.md`)}` },
    });
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
