import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { JobsIndicator } from "./pages/jobs-indicator";
import { signedInPage } from "./pages/login-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;
// The demo study restored as a copy the owner can import into, leaving the demo as other tests expect it.
let copyUrl = "";
// Other browser tests may have added documents to the demo before this file runs.
let demoDocuments = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (email: string): Promise<Page> => signedInPage(browser, appUrl, email, { viewport: { width: 1300, height: 1000 } });

describe("backups, and imports that run in the background", () => {
  it("an owner downloads the demo's backup and restores it from the projects page as a new project", async () => {
    const page = await signIn("owner@demo.grounded.test");
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    demoDocuments = await page.getByRole("list", { name: "Documents" }).getByRole("link").count();
    expect(demoDocuments).toBeGreaterThanOrEqual(32);
    await page.goto(`${appUrl}/projects`);
    const download = await page.request.get(`${appUrl}/api/projects/${demoProjectId}/backup`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/backup.*\.zip/);
    await page.getByLabel("Choose a backup file").setInputFiles({ name: "demo backup.zip", mimeType: "application/zip", buffer: await download.body() });
    const summary = page.getByTestId("restore-summary");
    await summary.waitFor({ timeout: 90_000 });
    await expect(summary.innerText()).resolves.toMatch(new RegExp(`\\b${demoDocuments} documents, \\d+ codes, \\d+ codings`));
    await summary.getByRole("link").click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    copyUrl = page.url();
    expect(copyUrl).not.toContain(demoProjectId);
    await expect(page.getByRole("list", { name: "Documents" }).getByRole("link").count()).resolves.toBe(demoDocuments);
    await page.context().close();
  });

  it("only an owner may download a backup; another project's is 404", async () => {
    const page = await signIn("analyst-b@demo.grounded.test");
    expect((await page.request.get(`${appUrl}/api/projects/${demoProjectId}/backup`)).status()).toBe(403);
    expect((await page.request.get(`${appUrl}/api/projects/${inject("fixtures").secret.projectId}/backup`)).status()).toBe(404);
    await page.context().close();
  });

  it("an import of many files shows a progress bar, can be left running, and the header tells how it ended, with a link", async () => {
    expect(copyUrl).not.toBe("");
    const page = await signIn("owner@demo.grounded.test");
    await page.goto(`${copyUrl}/import`);
    const files = Array.from({ length: 40 }, (_, i) => ({
      name: `Batch ${String(i + 1).padStart(2, "0")}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`Interviewer: What runs where, ${i + 1}?\n\nP${i + 1}: Mostly on GPUs we rent.\n`),
    }));
    await page.getByLabel("Choose transcript files").setInputFiles(files);
    const cards = page.getByTestId("import-file");
    await cards.nth(39).waitFor();
    // Record every progress value the bar shows while the job runs.
    await page.evaluate(() => {
      const seen: number[] = ((window as unknown as { progressSeen: number[] }).progressSeen = []);
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll("[data-testid=job-progress] [role=progressbar]")) seen.push(Number(bar.getAttribute("aria-valuenow")));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const started = page.waitForResponse((r) => r.url().endsWith("/imports/transcripts") && r.request().method() === "POST" && r.status() === 202);
    await page.getByRole("button", { name: "Import 40 files" }).click();
    await started;
    await page.getByTestId("job-progress").getByRole("progressbar").waitFor();
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => Number.isInteger(v) && v >= 0 && v <= 100)).toBe(true);

    // Leave while it runs: the header follows the job on the next page. (The page would
    // dismiss the outcome it shows, had it stayed to see it; its polls are cut so the test
    // does not depend on how fast the import is.)
    await page.route("**/api/jobs/*", (route) => route.abort());
    await page.getByRole("link", { name: "Projects" }).first().click();
    await page.waitForURL(`${appUrl}/projects`);
    const jobs = new JobsIndicator(page);
    await jobs.waitFor(/imports? done/);
    const panel = await jobs.open();
    await expect(panel.innerText()).resolves.toMatch(/Imported 40 transcripts into/);
    const notice = panel.locator("div", { hasText: /^Imported 40 transcripts into/ }).last();
    await notice.getByRole("link", { name: "Open" }).click();
    await page.waitForURL(copyUrl);
    // Every imported transcript is in the project; the home lists the first page of them (50).
    await page.getByRole("heading", { name: `Documents (${demoDocuments + 40})`, exact: true }).waitFor();
    await expect(page.getByRole("list", { name: "Documents" }).getByRole("link").count()).resolves.toBe(Math.min(50, demoDocuments + 40));
    // Opening the result dismissed the notice.
    await expect.poll(async () => JSON.stringify(await (await page.request.get(`${appUrl}/api/jobs`)).json())).not.toMatch(/Imported 40 transcripts/);
    await page.context().close();
  });

  it("a failure is reported on the page that started it, and in the header of whatever page the user went to", async () => {
    const page = await signIn("owner@demo.grounded.test");
    await page.getByLabel("Choose a REFI-QDA file").setInputFiles({ name: "report.qdpx", mimeType: "application/zip", buffer: Buffer.from("%PDF-1.7\n1 0 obj\n") });
    await expect(page.getByRole("alert").filter({ hasText: "report.qdpx" }).innerText()).resolves.toMatch(/is really a PDF document/);

    // As above: the page does not get to see (and dismiss) the outcome before the user leaves.
    await page.route("**/api/jobs/*", (route) => route.abort());
    const started = page.waitForResponse((r) => r.url().endsWith("/api/imports/backup") && r.status() === 202);
    await page.getByLabel("Choose a backup file").setInputFiles({ name: "notes.zip", mimeType: "application/zip", buffer: Buffer.from("just some notes") });
    await started;
    await page.goto(copyUrl);
    const jobs = new JobsIndicator(page);
    await jobs.waitFor(/imports? failed/);
    const panel = await jobs.open();
    const failure = panel.getByRole("alert").filter({ hasText: "notes.zip" });
    await expect(failure.innerText()).resolves.toMatch(/notes\.zip: is not a zip archive, so it is not a Grounded backup\./);
    await failure.getByRole("button", { name: /^Dismiss/ }).click();
    await failure.waitFor({ state: "detached" });
    await page.context().close();
  });
});
