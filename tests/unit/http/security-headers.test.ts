import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, DEFAULT_CSP, isPrivateDataPath, newNonce, STATIC_SECURITY_HEADERS } from "../../../lib/http/security-headers";

const directives = (policy: string) => new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("security headers", () => {
  it("a page's policy allows scripts only by nonce, never inline, and locks down framing, plugins, base and forms", () => {
    const policy = directives(contentSecurityPolicy("abc123"));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n")).not.toContain("unsafe-eval");
  });

  it("the default policy for everything else runs and frames nothing", () => {
    expect(directives(DEFAULT_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(DEFAULT_CSP).get("frame-ancestors")).toEqual(["'none'"]);
    expect(STATIC_SECURITY_HEADERS).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" });
  });

  it("nonces are fresh and unguessable (128 bits)", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("exports and every API answer are private data; pages are not", () => {
    for (const p of ["/api/projects/p/codings/csv", "/api/projects/p/backup", "/api/projects/p/export/qdpx", "/api/projects/p/findings/markdown", "/projects/p/rigour/agreement/export"]) {
      expect(isPrivateDataPath(p), p).toBe(true);
    }
    expect(isPrivateDataPath("/projects/p")).toBe(false);
    expect(isPrivateDataPath("/login")).toBe(false);
  });
});
