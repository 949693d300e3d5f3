/**
 * The security headers every response carries, in one place: the server in scripts/start.ts
 * sets the static ones (and a locked-down default policy) on every response before Next sees
 * the request, and proxy.ts replaces the policy with a per-request nonce one wherever Next
 * renders, which Next reads back from the request's Content-Security-Policy header and puts
 * on its own scripts (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md).
 */

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** For responses Next does not render (static files, uploads answered in JSON): nothing may run or frame them. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of a rendered page. Scripts: only those carrying this request's nonce, and what
 * they load ('strict-dynamic'); no 'unsafe-inline'. Style elements need the nonce too, but
 * style *attributes* are allowed ('unsafe-inline' in style-src-attr): React renders
 * style={{...}} props (code colours, bar widths, the route announcer) as attributes, which a
 * nonce cannot cover. A browser without style-src-attr (before CSP 3) falls back to
 * style-src and leaves those attributes out: layout degrades, nothing runs. Charts are
 * saved through data: and blob: URLs (components/charts/chart-downloads.tsx), hence img-src.
 * No upgrade-insecure-requests: Grounded is often served over plain http on a LAN.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Responses that hand data out as a file, or the raw text of an interview: never stored by
 * the browser or a proxy in between (a shared computer, a corporate cache).
 * Every /api route answers private, per-user data, so all of them are covered.
 */
export function isPrivateDataPath(pathname: string): boolean {
  return pathname.startsWith("/api/") || /^\/projects\/[^/]+\/.*\/export(\/|$)/.test(pathname);
}
