import { downloadResponse, queryObject, sliceDownload } from "@/lib/exports/download";
import { signedInRoute } from "@/lib/http/signed-in-route";

/**
 * GET .../export/slice?slice=code|document|case|attribute&id=&value=&subcodes=1&format=csv|xlsx:
 * the codings of one slice of the project that the reader may see, streamed (lib/exports).
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return signedInRoute(async (user) => downloadResponse(await sliceDownload(user, projectId, queryObject(new URL(request.url).searchParams))));
}
