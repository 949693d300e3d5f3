import { describe, expect, it } from "vitest";
import { crossSiteRefusal, nodeRequestFacts, refuseCrossSite, type RequestFacts } from "../../../lib/http/same-origin";

const post = (facts: Partial<RequestFacts>): RequestFacts => ({ method: "POST", pathname: "/api/projects/p1/imports/transcripts", origin: null, secFetchSite: null, host: "localhost:3000", ...facts });

describe("cross-site writes are refused", () => {
  it("refuses another port of the same host (the issue's repro): same site, other origin", () => {
    expect(crossSiteRefusal(post({ origin: "http://localhost:9999" }))).toMatch(/came from http:\/\/localhost:9999, not from localhost:3000/);
    expect(crossSiteRefusal(post({ origin: "http://localhost:9999", secFetchSite: "same-site" }))).toMatch(/another site \(same-site\)/);
    expect(crossSiteRefusal(post({ secFetchSite: "same-site" }))).not.toBeNull();
  });

  it("refuses other sites, an opaque origin, a bad origin, other schemes and every mutating method", () => {
    expect(crossSiteRefusal(post({ origin: "https://evil.example" }))).not.toBeNull();
    expect(crossSiteRefusal(post({ secFetchSite: "cross-site" }))).not.toBeNull();
    expect(crossSiteRefusal(post({ origin: "null" }))).not.toBeNull();
    expect(crossSiteRefusal(post({ origin: "not a url" }))).not.toBeNull();
    expect(crossSiteRefusal(post({ origin: "file://" }))).not.toBeNull();
    expect(crossSiteRefusal(post({ origin: "http://localhost:3000", host: null }))).not.toBeNull();
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) expect(crossSiteRefusal(post({ method, origin: "http://localhost:9999" }))).not.toBeNull();
  });

  it("refuses when either signal says cross-site, even if the other agrees", () => {
    expect(crossSiteRefusal(post({ origin: "http://localhost:3000", secFetchSite: "cross-site" }))).not.toBeNull();
    expect(crossSiteRefusal(post({ origin: "http://localhost:9999", secFetchSite: "same-origin" }))).not.toBeNull();
  });

  it("lets same-origin writes, reads, next-auth's own endpoints and non-browser clients through", () => {
    expect(crossSiteRefusal(post({ origin: "http://localhost:3000", secFetchSite: "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(post({ origin: "http://LOCALHOST:3000" }))).toBeNull();
    expect(crossSiteRefusal(post({ secFetchSite: "none" }))).toBeNull();
    expect(crossSiteRefusal(post({}))).toBeNull(); // curl, scripts: no ambient browser cookies to abuse
    expect(crossSiteRefusal(post({ method: "GET", origin: "http://localhost:9999", secFetchSite: "cross-site" }))).toBeNull();
    expect(crossSiteRefusal(post({ method: "HEAD", origin: "http://localhost:9999" }))).toBeNull();
    expect(crossSiteRefusal(post({ pathname: "/api/auth/callback/credentials", origin: "http://localhost:9999" }))).toBeNull();
  });

  it("compares default ports as Host does, and follows X-Forwarded-Host behind a reverse proxy", () => {
    expect(crossSiteRefusal(post({ origin: "https://grounded.example.org", host: "grounded.example.org:443" }))).toBeNull();
    expect(crossSiteRefusal(post({ origin: "http://grounded.example.org", host: "grounded.example.org" }))).toBeNull();
    const behindProxy = new Request("http://127.0.0.1:3000/api/jobs/j/dismiss", {
      method: "POST",
      headers: { origin: "https://grounded.example.org", host: "127.0.0.1:3000", "x-forwarded-host": "grounded.example.org, 127.0.0.1" },
    });
    expect(refuseCrossSite(behindProxy)).toBeNull();
  });

  it("answers 403 with a JSON error, from a Fetch request or a Node one", async () => {
    const response = refuseCrossSite(new Request("http://localhost:3000/api/imports/refi", { method: "POST", headers: { origin: "http://localhost:9999", host: "localhost:3000" } }))!;
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringContaining("localhost:9999") } });
    const facts = nodeRequestFacts({ method: "POST", url: "/api/imports/refi?x=1", headers: { origin: "http://localhost:9999", host: "localhost:3000" } });
    expect(facts.pathname).toBe("/api/imports/refi");
    expect(crossSiteRefusal(facts)).not.toBeNull();
  });
});
