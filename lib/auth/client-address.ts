import { BlockList, isIP } from "node:net";

/**
 * The header scripts/start.ts sets on every request from the socket's peer address (and
 * X-Forwarded-For when that peer is a trusted proxy). Any copy a client sends is replaced,
 * so code behind the server can trust it; App Router handlers see headers, never the socket.
 */
export const CLIENT_ADDRESS_HEADER = "x-grounded-client-ip";

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) and "10.0.0.1" are the same client. */
export function normalizeAddress(address: string | undefined | null): string | null {
  if (!address) return null;
  let value = address.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(value)) value = value.slice(7);
  // "1.2.3.4:5678" as some proxies write it
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.indexOf(":"));
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * GROUNDED_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (10.0.0.0/8, ::1) of
 * the reverse proxies in front of the app. Default none: X-Forwarded-For is then ignored,
 * since any client can write it.
 */
export function parseTrustedProxies(spec: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addressPart, prefix] = raw.split("/");
    const address = normalizeAddress(addressPart);
    if (!address) throw new Error(`GROUNDED_TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range.`);
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === "ipv6" ? 128 : 32)) throw new Error(`GROUNDED_TRUSTED_PROXIES: bad prefix in "${raw}".`);
      list.addSubnet(address, bits, family);
    }
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy (entries to its left
 * were written by the client and prove nothing).
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  const direct = normalizeAddress(peer) ?? "unknown";
  if (direct === "unknown" || !isTrusted(trusted, direct) || !forwardedFor) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((s) => s.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return direct; // a malformed chain: fall back to what we know
    if (!isTrusted(trusted, hop)) return hop;
  }
  return direct;
}

type IncomingLike = { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> };

// Set in the server's process env (Next runs in the same process, but bundles its own copy
// of this module): the header is only believed when our server wrote it.
const STAMPED_FLAG = "GROUNDED_CLIENT_ADDRESS_STAMPED";
let trustedFromEnv: BlockList | undefined;

/** For the HTTP server, at start: reads GROUNDED_TRUSTED_PROXIES (throws when malformed). */
export function initClientAddressStamping(): void {
  trustedFromEnv = parseTrustedProxies(process.env.GROUNDED_TRUSTED_PROXIES);
  process.env[STAMPED_FLAG] = "1";
}

/** For the HTTP server, on every request: overwrite the header before Next sees the request. */
export function stampClientAddress(req: IncomingLike): void {
  trustedFromEnv ??= parseTrustedProxies(process.env.GROUNDED_TRUSTED_PROXIES);
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedFromEnv);
}

/**
 * For auth code: the address stamped by the server; "unknown" when the app is served some
 * other way (then a client could have written the header itself).
 */
export function clientAddressFrom(headers: Record<string, unknown> | undefined): string {
  if (process.env[STAMPED_FLAG] !== "1") return "unknown";
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return (typeof value === "string" && normalizeAddress(value)) || "unknown";
}
