import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { AppError } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { readScope } from "@/lib/rigour/blind";
import { searchProject } from "@/lib/search/data";
import { searchParamsObject, searchQuerySchema } from "@/lib/search/schema";

/**
 * GET /api/projects/<id>/search?q=&mode=&speaker=&documents=&case=&coded=&code=&analyst=&page=:
 * the search page's results as JSON (lib/search/data.ts). Any member may search: transcript
 * text is not hidden by blind coding; the coded / not coded filter counts only the codings the
 * reader may see.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return signedInRoute(async (user) => {
    const { projectId } = await params;
    if (!projectId || projectId.length > 64) throw new AppError("VALIDATION", "Malformed id.");
    const parsed = searchQuerySchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "That search is not valid.");
    const ctx = await authorizeProject(user, projectId, "viewer");
    const result = await searchProject(projectId, parsed.data, await readScope(projectId, { id: user.id, role: ctx.role }));
    return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
  });
}
