import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { LoginPage } from "./pages/login-page";
import { TranscriptPage } from "./pages/transcript-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("importing transcripts in the browser", () => {
  it("an owner drops a text file and a Teams caption file, renames a speaker, imports them, and opens one", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1300, height: 1000 } })).newPage();
    await page.goto(`${appUrl}/login`);
    await new LoginPage(page).signIn("owner@demo.grounded.test", "grounded-demo");
    await page.waitForURL(`${appUrl}/projects`);
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    await page.getByRole("link", { name: "Import transcripts" }).click();
    await page.getByLabel("Choose transcript files").setInputFiles([
      { name: "Zed.txt", mimeType: "text/plain", buffer: Buffer.from("R1: What do you deploy on?\n\nZed: Mostly GPUs we rent. 🙂\n") },
      { name: "standup.vtt", mimeType: "text/vtt", buffer: Buffer.from("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Kim Lee>We moved to S3.</v>\n\n00:00:03.000 --> 00:00:05.000\n<v Kim Lee>Last spring.</v>\n") },
      { name: "broken.docx", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 not a word file") },
    ]);
    const cards = page.getByTestId("import-file");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    await expect(cards.filter({ hasText: "broken.docx" }).getByRole("alert").innerText()).resolves.toMatch(/really a PDF/);
    const zed = cards.filter({ hasText: "Zed.txt" });
    await expect(zed.innerText()).resolves.toContain("Mostly GPUs we rent.");
    await zed.getByLabel("Name for R1").fill("Interviewer");
    await zed.getByRole("checkbox", { name: "interviewer" }).first().check();
    await page.getByRole("button", { name: "Import 2 files" }).click();
    await page.getByRole("list", { name: "Imported documents" }).waitFor();
    await page.getByRole("link", { name: "Zed" }).click();
    const transcript = new TranscriptPage(page);
    await transcript.waitUntilReady();
    await expect(page.getByText("Interviewer", { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(transcript.transcript().innerText()).resolves.toContain("Mostly GPUs we rent. 🙂");
    await page.context().close();
  });
});
