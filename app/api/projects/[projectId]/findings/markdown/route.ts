import { NextResponse } from "next/server";
import { findingsToMarkdown } from "@/lib/findings/markdown";
import { readerReport } from "@/lib/findings/report";
import { signedInRoute } from "@/lib/http/signed-in-route";

/** GET: the findings report as Markdown, under ?coders= (whose coding counts); analysts named with ?showCoders=1. */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return signedInRoute(async (user) => {
    const printed = await readerReport(user, projectId, new URL(request.url).searchParams);
    return new NextResponse(findingsToMarkdown(printed), {
      headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${printed.title} findings.md`)}` },
    });
  });
}
