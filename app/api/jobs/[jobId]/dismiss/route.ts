import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { runDismissJob } from "@/lib/jobs/access";

/** POST: the caller has seen the job's outcome; its notice goes away. Anyone else's job is 404. */
export async function POST(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const result = await runDismissJob(await getCurrentUser(), await params);
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  return NextResponse.json({ dismissed: result.data });
}
