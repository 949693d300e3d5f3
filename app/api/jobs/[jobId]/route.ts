import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { runGetJob } from "@/lib/jobs/access";

/** GET: one of the caller's jobs, with its progress and outcome; anyone else's is 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const result = await runGetJob(await getCurrentUser(), await params);
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  return NextResponse.json({ job: result.data }, { headers: { "Cache-Control": "no-store" } });
}
