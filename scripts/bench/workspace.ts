// npm run bench:workspace [-- --codes 1000] [-- --docs 12] [-- --codings 4000] [-- --runs 10] [-- --save page.html]
// The coding workspace with a large codebook (issue 14.3): the transcript page's bytes
// (uncompressed and gzip), its server time (first fetch, then p50/p95 of `runs` more), and in
// Chromium the picker's filter keystroke, first paint and hydration. Generated in a throwaway
// embedded PostgreSQL (scripts/bench/large-codebook.ts); the built app comes from
// GROUNDED_DIST_DIR. Prints figures and asserts nothing.
import fs from "node:fs/promises";
import type { Page } from "playwright-core";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { launchBrowser } from "../../tests/e2e/browser";
import { signedInPage } from "../../tests/e2e/pages/login-page";
import { startApp } from "../../tests/e2e/setup/start-app";
import { transcriptTiming } from "./browser-timing";
import { generateLargeCodebook } from "./large-codebook";
import { measurePickerKeystrokes } from "./scale/browser";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const CODES = arg("--codes", 1000);
const DOCS = arg("--docs", 12);
const CODINGS = arg("--codings", 4000);
const RUNS = arg("--runs", 10);
const PASSWORD = "bench-password-123";
const TAG = "ws";

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const fmt = (values: number[]) => `p50 ${Math.round(pct(values, 50))} ms, p95 ${Math.round(pct(values, 95))} ms (n=${values.length})`;

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-bench-workspace-"));
  await fs.chmod(dataDir, 0o711); // reachable by the "postgres" user when run as root
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  const browser = await launchBrowser();
  try {
    await ensureDatabase(postgres.urlFor("postgres"), "bench");
    const url = postgres.urlFor("bench");
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    await generateLargeCodebook(prisma, { tag: TAG, codes: CODES, documents: DOCS, codings: CODINGS, passwordHash: await hashPassword(PASSWORD) });
    const counts = { codes: await prisma.code.count(), codings: await prisma.coding.count({ where: { documentId: `${TAG}-doc-1` } }) };
    await prisma.$disconnect();
    console.log(`${counts.codes} codes; the transcript has ${counts.codings} codings (dist: ${process.env.GROUNDED_DIST_DIR ?? ".next"})`);

    app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: "bench-secret-that-is-at-least-32-characters", GROUNDED_DATA_DIR: dataDir });
    const page = await signedInPage(browser, app.url, `owner@${TAG}.test`, { password: PASSWORD });
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const href = `${app.url}/projects/${TAG}-project/documents/${TAG}-doc-1`;

    const server: number[] = [];
    let html = Buffer.alloc(0);
    for (let run = 0; run <= RUNS; run++) {
      const t0 = performance.now();
      const response = await fetch(href, { headers: { cookie } });
      html = Buffer.from(await response.arrayBuffer());
      const ms = performance.now() - t0;
      if (run === 0) console.log(`transcript page, first fetch: ${Math.round(ms)} ms (status ${response.status})`);
      else server.push(ms);
    }
    console.log(`transcript page, server to last byte: ${fmt(server)}`);
    console.log(`transcript page bytes: ${html.byteLength.toLocaleString("en")} uncompressed, ${gzipSync(html).byteLength.toLocaleString("en")} gzip`);
    if (args.includes("--save")) await fs.writeFile(args[args.indexOf("--save") + 1], html);

    const fcp: number[] = [];
    const ready: number[] = [];
    for (let run = 0; run <= Math.min(RUNS, 5); run++) {
      const timing = await transcriptTiming(page, href);
      if (run === 0) continue;
      fcp.push(timing.fcp);
      ready.push(timing.ready);
    }
    console.log(`Chromium first contentful paint: ${fmt(fcp)}; hydrated (data-ready): ${fmt(ready)}`);
    const rows = await page.getByTestId("codebook").locator("li[data-testid^=code-]").count();
    console.log(`codebook rows in the DOM after load: ${rows}`);

    const panel = await measurePanelSearch(page, ["code 1", "theme 2 /"]);
    console.log(`codebook panel search keystroke to paint: ${fmt(panel.ms)}; rows in the DOM per keystroke: ${panel.rows.join(" ")}`);
    await page.reload();
    await page.locator("[data-testid=transcript][data-ready=true]").waitFor();
    const picker = await measurePickerKeystrokes(page, ["code 1", "sub-theme 2 / code"]);
    console.log(`picker keystroke to paint: ${fmt(picker.ms)}; options in the DOM per keystroke: ${picker.listed.join(" ")}`);
  } finally {
    await browser.close();
    await app?.stop();
    await postgres.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The codebook panel's "Find a code" box (a codebook over 300 codes has one): keydown to the next frame painted, as the picker's. */
async function measurePanelSearch(page: Page, queries: string[]): Promise<{ ms: number[]; rows: number[] }> {
  const box = page.getByTestId("codebook").getByLabel("Find a code");
  await box.click();
  const ms: number[] = [];
  const rows: number[] = [];
  for (const query of queries) {
    for (const char of query) {
      await page.evaluate(() => {
        const w = window as unknown as { __painted: Promise<number> };
        const input = document.querySelector<HTMLInputElement>("[data-testid=codebook] input[type=search]")!;
        let keydownAt = 0;
        input.addEventListener("keydown", (e) => (keydownAt = e.timeStamp), { once: true, capture: true });
        w.__painted = new Promise<number>((resolve) => {
          input.addEventListener("input", () => requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - keydownAt);
            channel.port2.postMessage(null);
          }), { once: true });
        });
      });
      await page.keyboard.type(char);
      ms.push(await page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted));
      rows.push(await page.getByTestId("codebook").locator("li[data-testid^=code-]").count());
    }
    await box.fill("");
  }
  return { ms, rows };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
