import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeProject } from "@/lib/auth/project-access";
import { getCurrentUser } from "@/lib/auth/session";
import { getDocument } from "@/lib/documents/data";
import { toActionError } from "@/lib/errors";
import { httpStatus } from "@/lib/http-status";

const paramsSchema = z.object({ projectId: z.string().min(1).max(64), documentId: z.string().min(1).max(64) });

/** A document's normalized text and speaker turns, for members of its project. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; documentId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return NextResponse.json({ error: { code: "VALIDATION", message: "Malformed id." } }, { status: 400 });
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  try {
    await authorizeProject(user, parsed.data.projectId, "viewer");
    const document = await getDocument(parsed.data.projectId, parsed.data.documentId);
    if (!document) return NextResponse.json({ error: { code: "NOT_FOUND", message: "Document not found." } }, { status: 404 });
    return NextResponse.json({ document, offsetUnit: "unicode-code-point" });
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
