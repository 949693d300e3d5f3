import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeProject } from "@/lib/auth/project-access";
import { getCurrentUser } from "@/lib/auth/session";
import { getCodeDefinition } from "@/lib/codes/data";
import { toActionError } from "@/lib/errors";
import { httpStatus } from "@/lib/http-status";

const paramsSchema = z.object({ projectId: z.string().min(1).max(64), codeId: z.string().min(1).max(64) });

/** A code's definition (description, inclusion, exclusion, example), for members of its project: the workspace opens it on demand. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string; codeId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return NextResponse.json({ error: { code: "VALIDATION", message: "Malformed id." } }, { status: 400 });
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  try {
    await authorizeProject(user, parsed.data.projectId, "viewer");
    const code = await getCodeDefinition(parsed.data.projectId, parsed.data.codeId);
    if (!code) return NextResponse.json({ error: { code: "NOT_FOUND", message: "That code does not exist (or was deleted)." } }, { status: 404 });
    return NextResponse.json({ code });
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: httpStatus(e.code) });
  }
}
