import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeProject } from "@/lib/auth/project-access";
import { getProjectCodeCounts } from "@/lib/codings/data";
import { AppError, notFound } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";

const paramsSchema = z.object({ projectId: z.string().min(1).max(64) });

/**
 * Codings per code in the project, as the codebook beside a transcript shows them ({ counts:
 * { codeId: n } }), under the blind-coding rule (getProjectCodeCounts). A count of the whole
 * project, so the workspace fetches it beside the transcript rather than waiting for it.
 * For members of the project, viewers included.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return signedInRoute(async (user) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("VALIDATION", "Malformed id.");
    const { role } = await authorizeProject(user, parsed.data.projectId, "viewer");
    const counts = await getProjectCodeCounts(parsed.data.projectId, { id: user.id, role });
    if (!counts) throw notFound("That project");
    return NextResponse.json({ counts }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
