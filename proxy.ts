import { NextResponse, type NextRequest } from "next/server";
import { refuseCrossSite } from "@/lib/http/same-origin";
import { contentSecurityPolicy, isPrivateDataPath, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * Next 16's request proxy (the file once called middleware.ts). For every request it sees:
 * a cross-site write is refused with 403 before any route or server action runs; a rendered
 * page gets a Content-Security-Policy with a fresh nonce, which Next reads from the request
 * header and puts on its scripts; private data is marked no-store. The rules themselves are
 * pure functions in lib/http, tested there.
 */
export function proxy(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return withHeaders(refused, request.nextUrl.pathname, null);

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), request.nextUrl.pathname, policy);
}

function withHeaders<T extends Response>(response: T, pathname: string, policy: string | null): T {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (policy) response.headers.set("Content-Security-Policy", policy);
  if (isPrivateDataPath(pathname)) response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [
    /*
     * Everything but built assets and the upload routes. For a request with a body, Next
     * copies the body for the proxy: it reads the whole upload before the route runs and
     * silently cuts it at 10 MB (proxyClientMaxBodySize), which would break uploads and
     * their own size limits. Those routes are guarded by scripts/start.ts, which sees every
     * request, with the same rule; tests/e2e/web-hardening.test.ts posts to each of them.
     */
    "/((?!_next/static/|_next/image|api/imports/|api/projects/[^/]+/imports/).*)",
  ],
};
