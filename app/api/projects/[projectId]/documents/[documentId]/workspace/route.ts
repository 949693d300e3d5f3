import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeProject } from "@/lib/auth/project-access";
import { packCodes } from "@/lib/codes/packed";
import { getWorkspace } from "@/lib/codings/data";
import { packWorkspaceRows } from "@/lib/codings/view";
import type { WorkspaceRest } from "@/lib/codings/workspace-rest";
import { AppError, notFound } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";

const paramsSchema = z.object({ projectId: z.string().min(1).max(64), documentId: z.string().min(1).max(64) });

/**
 * The rest of the coding workspace, which the transcript page fetches once it is up (the page
 * itself sends only its first screens: lib/codings/opening.ts): the whole text, every turn,
 * every coding the viewer may see (the blind-coding rule is getWorkspace's), and the whole
 * codebook, packed. The counts in the project come from GET /api/projects/:projectId/codes/counts,
 * fetched beside this. For members of the project, viewers included.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; documentId: string }> }) {
  return signedInRoute(async (user) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("VALIDATION", "Malformed id.");
    const { role } = await authorizeProject(user, parsed.data.projectId, "viewer");
    const workspace = await getWorkspace(parsed.data.projectId, parsed.data.documentId, { id: user.id, role }, { projectCounts: false });
    if (!workspace) throw notFound("That document");
    const body: WorkspaceRest = {
      text: workspace.document.text,
      rows: packWorkspaceRows(workspace.document.turns, workspace.codings),
      codes: packCodes(workspace.codes, {}),
    };
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  });
}
