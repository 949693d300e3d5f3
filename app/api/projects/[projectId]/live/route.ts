import { authorizeProject } from "@/lib/auth/project-access";
import { AppError } from "@/lib/errors";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { liveQuerySchema } from "@/lib/live/schema";
import { liveStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * GET /api/projects/<id>/live?where=document:<id>&after=<event id>: the project's changes and
 * presence as Server-Sent Events (lib/live/stream.ts), for any member; what each reader
 * receives follows blind coding. A reconnecting EventSource sends Last-Event-ID and resumes.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return signedInRoute(async (user) => {
    const { projectId } = await params;
    if (!projectId || projectId.length > 64) throw new AppError("VALIDATION", "Malformed id.");
    const url = new URL(request.url);
    const parsed = liveQuerySchema.safeParse({ where: url.searchParams.get("where") ?? undefined, after: request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? undefined });
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "That live feed request is not valid.");
    const ctx = await authorizeProject(user, projectId, "viewer", true);
    const body = liveStream({ projectId, viewer: { id: user.id, role: ctx.role, name: user.name }, lastEventId: parsed.data.after, where: parsed.data.where, signal: request.signal });
    return new Response(body, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        // Tells nginx-style proxies not to buffer the stream.
        "X-Accel-Buffering": "no",
      },
    });
  });
}
