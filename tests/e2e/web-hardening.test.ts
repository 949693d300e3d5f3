import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "../../lib/db/embedded-postgres";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { ANALYST, OUTSIDER, PASSWORD } from "./setup/fixtures";

const appUrl = inject("appUrl");
const { secret, imports } = inject("fixtures");
const demoProjectId = inject("demoProjectId");
let browser: Browser;
let owner: Page; // Otto, owner of the "Secret study" fixture
let attackerPort = 0;
let attacker: http.Server;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await signedInPage(browser, appUrl, OUTSIDER.email, { password: PASSWORD });
  // The repro: a page on another port of the same host (same *site*, other origin).
  attackerPort = await findFreePort();
  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<!doctype html><title>elsewhere</title>");
  });
  await new Promise<void>((resolve) => attacker.listen(attackerPort, "127.0.0.1", resolve));
});
afterAll(async () => {
  attacker?.close();
  await browser?.close();
});

const elsewhere = () => `http://localhost:${attackerPort}`;

/** Every route handler file with the mutating methods it exports, and a URL for it. */
function mutatingRoutes(): { file: string; url: string; methods: string[] }[] {
  const root = path.resolve("app");
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts");
  const params: Record<string, string> = { projectId: secret.projectId, documentId: secret.documentId, jobId: "no-such-job", format: "csv" };
  return files
    .map((file) => {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      const methods = [...source.matchAll(/export\s+(?:async\s+function|function|const)\s+(POST|PUT|PATCH|DELETE)\b|\bas\s+(POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]);
      const segments = path.dirname(file).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
      const url = "/" + segments.map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, (_, name: string) => params[name] ?? "x")).join("/");
      return { file, url, methods };
    })
    .filter((r) => r.methods.length > 0 && !r.file.includes("[...nextauth]"));
}

async function documentCount(projectId: string): Promise<number> {
  await owner.goto(`${appUrl}/projects/${projectId}`);
  return owner.getByRole("list", { name: "Documents" }).getByRole("link").count();
}

describe("cross-site writes", () => {
  it("every route handler that changes data refuses a request from another origin with 403, and nothing is written", async () => {
    const routes = mutatingRoutes();
    // The list grows with the app; the upload routes (the repro) must be in it.
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining([`/api/projects/${secret.projectId}/imports/transcripts`, "/api/imports/refi", "/api/imports/backup"]));
    const before = await documentCount(secret.projectId);
    const projectsBefore = await owner.request.get(`${appUrl}/api/jobs`).then((r) => r.json());
    for (const route of routes) {
      for (const method of route.methods) {
        const variants: Record<string, string>[] = [{ origin: elsewhere() }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
        for (const headers of variants) {
          const response = await owner.request.fetch(`${appUrl}${route.url}`, {
            method,
            headers,
            multipart: { mode: "commit", options: "{}", file: { name: "t.txt", mimeType: "text/plain", buffer: Buffer.from("Interviewer: hi\n\nP1: hello\n") } },
          });
          expect(response.status(), `${method} ${route.url} with ${JSON.stringify(headers)}`).toBe(403);
          expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringMatching(/only accepted from Grounded's own pages/) } });
        }
      }
    }
    expect(await documentCount(secret.projectId)).toBe(before);
    expect(await owner.request.get(`${appUrl}/api/jobs`).then((r) => r.json())).toEqual(projectsBefore);
  });

  it("a page on another port of the same host cannot import a transcript with the owner's cookies (the issue's repro)", async () => {
    const before = await documentCount(secret.projectId);
    const context = owner.context(); // the owner's cookies, as a second tab would have them
    const evil = await context.newPage();
    const refused: number[] = [];
    evil.on("response", (r) => {
      if (r.url().includes("/imports/transcripts")) refused.push(r.status());
    });
    await evil.goto(elsewhere());
    await evil.evaluate(async (target) => {
      const form = new FormData();
      form.append("mode", "commit");
      form.append("options", JSON.stringify({ files: [{ title: "Planted" }] }));
      form.append("files", new Blob(["Interviewer: planted?\n\nP1: yes\n"], { type: "text/plain" }), "planted.txt");
      // no-cors: a "simple" request, sent without a preflight and with the same-site cookies.
      await fetch(target, { method: "POST", body: form, mode: "no-cors", credentials: "include" }).catch(() => undefined);
    }, `${appUrl}/api/projects/${secret.projectId}/imports/transcripts`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(refused).toEqual([403]);
    await evil.close();
    expect(await documentCount(secret.projectId)).toBe(before);
  });

  it("a server action posted from another origin is refused before it runs; same-origin requests go through", async () => {
    const action = await owner.request.post(`${appUrl}/projects/${secret.projectId}`, {
      headers: { origin: elsewhere(), "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(action.status()).toBe(403);
    // Same origin: the request reaches the route (an unknown job is 404, not 403).
    const own = await owner.request.post(`${appUrl}/api/jobs/no-such-job/dismiss`, { headers: { origin: appUrl, "sec-fetch-site": "same-origin" } });
    expect(own.status()).toBe(404);
  });
});

describe("response headers", () => {
  const SECURITY = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": expect.stringContaining("camera=()"),
    "content-security-policy": expect.stringContaining("frame-ancestors 'none'"),
  };

  it("a page carries a nonce CSP that its own scripts carry, without 'unsafe-inline' for scripts", async () => {
    const response = await owner.request.get(`${appUrl}/projects/${secret.projectId}`);
    const headers = response.headers();
    expect(headers).toMatchObject(SECURITY);
    const csp = headers["content-security-policy"];
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self' data: blob:", "connect-src 'self'"]) expect(csp).toContain(directive);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per request.
    const again = (await owner.request.get(`${appUrl}/login`)).headers()["content-security-policy"];
    expect(again).not.toContain(nonce);
  });

  it("route handlers, exports, static files and upload answers carry them too; exports are never stored", async () => {
    const html = await (await owner.request.get(`${appUrl}/login`)).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1];
    const plain = [`/api/jobs`, asset, "/icon.svg"];
    const exports = [
      `/api/projects/${secret.projectId}/codings/csv`,
      `/api/projects/${secret.projectId}/codings/xlsx`,
      `/api/projects/${secret.projectId}/export/qdpx`,
      `/api/projects/${secret.projectId}/export/qdc`,
      `/api/projects/${secret.projectId}/findings/markdown`,
      `/api/projects/${secret.projectId}/backup`,
      `/api/projects/${secret.projectId}/documents/${secret.documentId}`,
      `/projects/${secret.projectId}/rigour/agreement/export?format=csv`,
    ];
    for (const url of [...plain, ...exports]) {
      const response = await owner.request.get(`${appUrl}${url}`);
      expect(response.headers(), url).toMatchObject(SECURITY);
      if (exports.includes(url)) expect(response.headers()["cache-control"], url).toBe("no-store");
    }
    // An upload route, which Next's proxy does not see (it would buffer the body): still covered.
    const upload = await owner.request.post(`${appUrl}/api/imports/refi`, { multipart: { nothing: "here" } });
    expect(upload.headers()).toMatchObject(SECURITY);
  });

  it("pages work under the policy: no violation while signing in, opening a transcript, summaries and findings", async () => {
    const page = await signedInPage(browser, appUrl, "owner@demo.grounded.test");
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    await page.getByRole("list", { name: "Documents" }).getByRole("link").first().click();
    await page.locator("[data-testid=transcript][data-ready=true]").waitFor();
    for (const tail of ["summaries", "findings", "quotes", "rigour"]) {
      await page.goto(`${appUrl}/projects/${demoProjectId}/${tail}`);
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

describe("inviting a member", () => {
  it("the form says the same for an address with an account and one without, and the invited person joins on arrival", async () => {
    const ana = await signedInPage(browser, appUrl, ANALYST.email, { password: PASSWORD }); // owner of the Import study
    const inviteAndRead = async (email: string) => {
      await ana.goto(`${appUrl}/projects/${imports.projectId}`);
      const form = ana.getByRole("form", { name: "Invite a member" });
      await form.getByPlaceholder("E-mail").fill(email);
      await form.getByRole("combobox").selectOption("viewer");
      await form.getByRole("button", { name: "Invite" }).click();
      const text = await form.getByRole("status").innerText();
      return text.replace(email, "<email>");
    };
    const withAccount = await inviteAndRead(OUTSIDER.email);
    const withoutAccount = await inviteAndRead(`nobody-${Date.now()}@e2e.test`);
    expect(withAccount).toMatch(/^Invitation recorded for <email> as viewer\./);
    expect(withAccount).toBe(withoutAccount);
    await ana.context().close();

    // Otto has an account: the next time he arrives on his projects page, the study is his to read.
    await owner.goto(`${appUrl}/projects`);
    await expect(owner.getByRole("list", { name: "Projects" }).innerText()).resolves.toContain("Import study");
  });
});
