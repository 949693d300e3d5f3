import { NextResponse } from "next/server";
import { findingsToDocx } from "@/lib/findings/docx";
import { readerReport } from "@/lib/findings/report";
import { signedInRoute } from "@/lib/http/signed-in-route";

/** GET: the findings report as a Word document, under ?coders= (whose coding counts); analysts named with ?showCoders=1. */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return signedInRoute(async (user) => {
    const printed = await readerReport(user, projectId, new URL(request.url).searchParams);
    return new NextResponse(Buffer.from(await findingsToDocx(printed)), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${printed.title} findings.docx`)}`,
      },
    });
  });
}
