import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { AppError } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { searchProject } from "@/lib/search/data";
import { searchParamsObject, searchQuerySchema } from "@/lib/search/schema";

/**
 * GET /api/projects/<id>/search?q=&mode=&speaker=&documents=&page=: the search page's results
 * as JSON (lib/search/data.ts). Any member may search: transcript text is not hidden by blind
 * coding, and no codings are part of the answer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return signedInRoute(async (user) => {
    const { projectId } = await params;
    if (!projectId || projectId.length > 64) throw new AppError("VALIDATION", "Malformed id.");
    const parsed = searchQuerySchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "That search is not valid.");
    await authorizeProject(user, projectId, "viewer");
    const result = await searchProject(projectId, parsed.data);
    return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
  });
}
