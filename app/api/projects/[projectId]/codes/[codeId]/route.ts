import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeProject } from "@/lib/auth/project-access";
import { getCodeDefinition } from "@/lib/codes/data";
import { AppError, notFound } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";

const paramsSchema = z.object({ projectId: z.string().min(1).max(64), codeId: z.string().min(1).max(64) });

/** A code's definition (description, inclusion, exclusion, example), for members of its project: the workspace opens it on demand. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; codeId: string }> }) {
  return signedInRoute(async (user) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("VALIDATION", "Malformed id.");
    await authorizeProject(user, parsed.data.projectId, "viewer");
    const code = await getCodeDefinition(parsed.data.projectId, parsed.data.codeId);
    if (!code) throw notFound("That code (it may have been deleted)");
    return NextResponse.json({ code });
  });
}
