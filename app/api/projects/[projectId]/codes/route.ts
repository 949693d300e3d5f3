import { NextResponse } from "next/server";
import { authorizeProject } from "@/lib/auth/project-access";
import { findCodes } from "@/lib/codes/data";
import { codeSearchSchema } from "@/lib/codes/schema";
import { AppError } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";

/**
 * Codes matching ?q= by name or path (?kind=parents: only codes with sub-codes), best first,
 * at most 50, for members of the project: the code choosers of the findings and
 * disagreements pages ask as the reader types (components/codes/code-chooser.tsx).
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return signedInRoute(async (user) => {
    const query = new URL(request.url).searchParams;
    const parsed = codeSearchSchema.safeParse({ projectId: (await params).projectId, q: query.get("q") ?? undefined, kind: query.get("kind") ?? undefined });
    if (!parsed.success) throw new AppError("VALIDATION", "Malformed code search.");
    await authorizeProject(user, parsed.data.projectId, "viewer");
    return NextResponse.json(await findCodes(parsed.data.projectId, parsed.data.q, parsed.data.kind));
  });
}
