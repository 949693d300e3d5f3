import { downloadResponse, parseQuery, queryObject } from "@/lib/exports/download";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { savedSearchDownload } from "@/lib/search/export";
import { savedSearchExportSchema } from "@/lib/search/schema";

/**
 * GET .../export/search?savedSearchId=&format=csv|xlsx: every match of a saved search as a
 * row, with the case's attributes as columns (lib/search/export.ts), streamed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return signedInRoute(async (user) => {
    const input = parseQuery(savedSearchExportSchema, queryObject(new URL(request.url).searchParams));
    return downloadResponse(await savedSearchDownload(user, projectId, input));
  });
}
