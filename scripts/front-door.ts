import type { IncomingMessage, ServerResponse } from "node:http";
import { CROSS_SITE_STATUS, crossSiteBody, crossSiteRefusal, nodeRequestFacts } from "../lib/http/same-origin";
import { DEFAULT_CSP, STATIC_SECURITY_HEADERS } from "../lib/http/security-headers";

/**
 * What the HTTP server does before Next sees a request: the static security headers and a
 * locked-down default policy go on every response (pages, route handlers, static files,
 * errors; proxy.ts replaces the policy with a nonce one where Next renders), and a cross-site
 * write is answered 403 without reading its body. True when the request was answered here.
 */
export function refuseAtTheDoor(req: IncomingMessage, res: ServerResponse): boolean {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", DEFAULT_CSP);
  const refusal = crossSiteRefusal(nodeRequestFacts(req));
  if (!refusal) return false;
  // Connection: close, so the unread body of a refused upload is not read on our time.
  res.writeHead(CROSS_SITE_STATUS, { "Content-Type": "application/json", "Cache-Control": "no-store", Connection: "close" });
  res.end(crossSiteBody(refusal));
  return true;
}
