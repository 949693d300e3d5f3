import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeProject } from "@/lib/auth/project-access";
import { getDocument } from "@/lib/documents/data";
import { AppError, notFound } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";

const paramsSchema = z.object({ projectId: z.string().min(1).max(64), documentId: z.string().min(1).max(64) });

/** A document's normalized text and speaker turns, for members of its project. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; documentId: string }> }) {
  return signedInRoute(async (user) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("VALIDATION", "Malformed id.");
    await authorizeProject(user, parsed.data.projectId, "viewer");
    const document = await getDocument(parsed.data.projectId, parsed.data.documentId);
    if (!document) throw notFound("That document");
    return NextResponse.json({ document, offsetUnit: "unicode-code-point" });
  });
}
