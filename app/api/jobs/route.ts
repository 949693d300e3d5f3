import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { httpStatus } from "@/lib/http-status";
import { runListJobs } from "@/lib/jobs/access";

/** GET: the caller's jobs still running and the outcomes they have not dismissed, newest first. */
export async function GET() {
  const result = await runListJobs(await getCurrentUser());
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: httpStatus(result.error.code) });
  return NextResponse.json({ jobs: result.data }, { headers: { "Cache-Control": "no-store" } });
}
