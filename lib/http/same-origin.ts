/**
 * Cross-site request refusal for everything that changes data, the rule Next applies to its
 * own server actions, extended to route handlers (issue #13: a page on another port of the
 * same host imported a transcript into a signed-in owner's project).
 *
 * A browser marks every request it sends: `Sec-Fetch-Site` (same-origin, same-site,
 * cross-site, none) on secure and localhost origins, and `Origin` on every POST. A page on
 * http://localhost:9999 is *same-site* with http://localhost:3000 (sites ignore ports), so
 * only `same-origin` and `none` (typed by the user) pass, and Origin must name this host
 * with its port. A request with neither header is not from a browser (curl, scripts): it
 * carries no ambient cookie a third-party page could have triggered, so it passes, as
 * Next's action check lets it. Pure functions of the headers, so proxy.ts, the server in
 * scripts/start.ts and the tests all use the same rule.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** next-auth's own endpoints carry its double-submit CSRF token and stay reachable as before. */
const EXEMPT_PREFIXES = ["/api/auth/"];

export type RequestFacts = {
  method: string;
  pathname: string;
  origin: string | null;
  secFetchSite: string | null;
  /** `X-Forwarded-Host` when a reverse proxy set it, else `Host`: the address the browser used. */
  host: string | null;
};

/** Why the request is refused, or null when it may go on. */
export function crossSiteRefusal(facts: RequestFacts): string | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  if (EXEMPT_PREFIXES.some((prefix) => facts.pathname.startsWith(prefix))) return null;
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") {
    return `This request came from another site (${site}); changes are only accepted from Grounded's own pages.`;
  }
  if (facts.origin !== null) {
    const originHost = hostOf(facts.origin);
    const host = facts.host ? withoutDefaultPort(facts.host.trim().toLowerCase()) : null;
    if (!originHost || !host || originHost !== host) {
      return `This request came from ${facts.origin}, not from ${host ?? "this server"}; changes are only accepted from Grounded's own pages.`;
    }
  }
  return null;
}

/** The facts of a Fetch API request (proxy.ts, route handlers, tests). */
export function requestFacts(request: Request): RequestFacts {
  const headers = request.headers;
  return {
    method: request.method,
    pathname: new URL(request.url).pathname,
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    host: firstValue(headers.get("x-forwarded-host")) ?? headers.get("host"),
  };
}

/** The facts of a Node request (scripts/start.ts sees every request before Next does). */
export function nodeRequestFacts(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }): RequestFacts {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  return {
    method: req.method ?? "GET",
    pathname: (req.url ?? "/").split("?")[0],
    origin: header("origin"),
    secFetchSite: header("sec-fetch-site"),
    host: firstValue(header("x-forwarded-host")) ?? header("host"),
  };
}

export const CROSS_SITE_STATUS = 403;

/** The JSON body of a refusal, in the shape every route handler answers errors with. */
export const crossSiteBody = (message: string) => JSON.stringify({ error: { code: "FORBIDDEN", message } });

/** A 403 Response for a cross-site request, or null. */
export function refuseCrossSite(request: Request): Response | null {
  const refusal = crossSiteRefusal(requestFacts(request));
  if (!refusal) return null;
  return new Response(crossSiteBody(refusal), { status: CROSS_SITE_STATUS, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/** host[:port] of an origin, lower-case, with the scheme's default port left out as Host does; null for "null" or garbage. */
function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

// URL.host leaves out a scheme's default port; a Host header may still carry it.
const withoutDefaultPort = (host: string) => host.replace(/:(80|443)$/, "");

const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;
