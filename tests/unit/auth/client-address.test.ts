import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, initClientAddressStamping, normalizeAddress, parseTrustedProxies, resolveClientAddress, stampClientAddress } from "../../../lib/auth/client-address";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.0/8, ::1, 192.168.1.5");

describe("the client address used for sign-in throttling", () => {
  it("is the socket's peer; X-Forwarded-For is ignored unless the peer is a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, is the right-most forwarded address that is not a proxy", () => {
    expect(resolveClientAddress("10.1.2.3", "1.2.3.4", proxies)).toBe("1.2.3.4");
    // The client wrote "6.6.6.6" itself; the proxy appended what it saw.
    expect(resolveClientAddress("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("::1", ["198.51.100.7"], proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.1.2.3", "garbage", proxies)).toBe("10.1.2.3");
  });

  it("rejects a malformed GROUNDED_TRUSTED_PROXIES instead of trusting too much", () => {
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an IP/);
  });

  it("the server overwrites any copy of the header a client sends", () => {
    const req = { socket: { remoteAddress: "203.0.113.9" }, headers: { [CLIENT_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "1.1.1.1" } as Record<string, string | string[] | undefined> };
    stampClientAddress(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
  });

  it("auth code believes the header only when this server stamps it", () => {
    const previous = process.env.GROUNDED_CLIENT_ADDRESS_STAMPED;
    delete process.env.GROUNDED_CLIENT_ADDRESS_STAMPED;
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "1.1.1.1" })).toBe("unknown");
    initClientAddressStamping();
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "1.1.1.1" })).toBe("1.1.1.1");
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "<script>" })).toBe("unknown");
    if (previous === undefined) delete process.env.GROUNDED_CLIENT_ADDRESS_STAMPED;
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
  });
});
