import { downloadResponse, queryObject } from "@/lib/exports/download";
import { themeQuotesDownload } from "@/lib/exports/theme-quotes";
import { signedInRoute } from "@/lib/http/signed-in-route";

/** GET .../export/theme-quotes?codeId=&subcodes=1&coders=1: a theme's quotes as a Word document (lib/exports/theme-quotes.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return signedInRoute(async (user) => downloadResponse(await themeQuotesDownload(user, projectId, queryObject(new URL(request.url).searchParams))));
}
