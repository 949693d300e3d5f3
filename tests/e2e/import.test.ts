import { zipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { ANALYST, PASSWORD } from "./setup/fixtures";
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
    const page = await signedInPage(browser, appUrl, ANALYST.email, { viewport: { width: 1300, height: 1000 }, password: PASSWORD });
    await page.goto(`${appUrl}/projects/${inject("fixtures").imports.projectId}`);
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
    // Each label occurs once, so the owner confirms both as speakers.
    await zed.getByRole("checkbox", { name: "R1 is a speaker", exact: true }).check();
    await zed.getByRole("checkbox", { name: "Zed is a speaker", exact: true }).check();
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

  it("a report's headings are not speakers: the preview says so, and 'No speakers' imports it as one passage", async () => {
    const page = await signedInPage(browser, appUrl, ANALYST.email, { viewport: { width: 1300, height: 1000 }, password: PASSWORD });
    await page.goto(`${appUrl}/projects/${inject("fixtures").imports.projectId}/import`);
    await page.getByLabel("Choose transcript files").setInputFiles([
      { name: "Garden report.txt", mimeType: "text/plain", buffer: Buffer.from("Background:\nTwelve plots.\n\nMethod:\nNine interviews.\n\nComment:\nOne.\n\nComment:\nTwo.\n") },
    ]);
    const card = page.getByTestId("import-file").filter({ hasText: "Garden report.txt" });
    await card.waitFor();
    await expect(card.innerText()).resolves.toMatch(/0 turns/);
    await expect(card.getByRole("checkbox", { name: "Background is a speaker", exact: true }).isChecked()).resolves.toBe(false);
    await card.getByRole("radio", { name: /No speakers/ }).check();
    await expect(card.innerText()).resolves.toContain("None: the file is imported as one passage.");
    await page.getByRole("button", { name: "Import 1 file" }).click();
    const imported = page.getByRole("list", { name: "Imported documents" });
    await imported.waitFor();
    await expect(imported.innerText()).resolves.toMatch(/Garden report — 0 turns/);
    await page.context().close();
  });

  it("downloads the demo project as REFI-QDA and imports it back as a new project, with a summary", async () => {
    const page = await signedInPage(browser, appUrl, "analyst-b@demo.grounded.test", { viewport: { width: 1300, height: 1000 } });
    // Other browser tests may have added documents to the demo project: count what is there now.
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    const documents = await page.getByRole("list", { name: "Documents" }).getByRole("link").count();
    expect(documents).toBeGreaterThanOrEqual(32);
    await page.goto(`${appUrl}/projects`);
    const download = await page.request.get(`${appUrl}/api/projects/${demoProjectId}/export/qdpx`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/\.qdpx/);
    const bytes = await download.body();
    await page.getByLabel("Choose a REFI-QDA file").setInputFiles({ name: "demo.qdpx", mimeType: "application/zip", buffer: bytes });
    const summary = page.getByTestId("refi-summary");
    await summary.waitFor({ timeout: 60_000 });
    const text = await summary.innerText();
    expect(text).toMatch(new RegExp(`\\b${documents} sources, \\d+ codes, \\d+ codings`));
    await summary.getByRole("link").click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    await expect(page.getByRole("list", { name: "Documents" }).getByRole("link").count()).resolves.toBe(documents);
    // Another project's export answers 404, like every other cross-project request.
    const foreign = await page.request.get(`${appUrl}/api/projects/${inject("fixtures").secret.projectId}/export/qdpx`);
    expect(foreign.status()).toBe(404);
    await page.context().close();
  });

  it("a file whose positions could be read two ways: nothing is imported until confirmed; the summary says the evidence is weak, shows the passages, both readings, the coders and what was left out", async () => {
    const page = await signedInPage(browser, appUrl, "analyst-b@demo.grounded.test", { viewport: { width: 1300, height: 1000 } });
    await page.goto(`${appUrl}/projects`);
    // UTF-16 positions (as .NET tools count), one selection after an emoji, no quotations:
    // read as code points, "We pay" would be "e pay ". Cleo coded nothing; a set is left out.
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Weak evidence" origin="Unnamed tool">
<Users><User guid="a2000000-0000-4000-8000-000000000001" name="Ana"/><User guid="a2000000-0000-4000-8000-000000000002" name="Cleo"/></Users>
<CodeBook><Codes><Code guid="c2000000-0000-4000-8000-000000000001" name="Cost" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="d2000000-0000-4000-8000-000000000001" name="Talk" plainTextPath="internal://talk.txt">
<PlainTextSelection guid="f3000000-0000-4000-8000-000000000001" startPosition="16" endPosition="22" creatingUser="a2000000-0000-4000-8000-000000000001">
<Coding guid="f4000000-0000-4000-8000-000000000001" creatingUser="a2000000-0000-4000-8000-000000000002"><CodeRef targetGUID="c2000000-0000-4000-8000-000000000001"/></Coding>
</PlainTextSelection></TextSource></Sources>
<Sets><Set guid="e3000000-0000-4000-8000-000000000001" name="All"><MemberCode targetGUID="c2000000-0000-4000-8000-000000000001"/></Set></Sets></Project>`;
    const bytes = zipSync({ "project.qde": new TextEncoder().encode(qde), "sources/talk.txt": new TextEncoder().encode("I felt 😀 fine. We pay a lot.") });
    await page.getByLabel("Choose a REFI-QDA file").setInputFiles({ name: "weak.qdpx", mimeType: "application/zip", buffer: Buffer.from(bytes) });
    const summary = page.getByTestId("refi-summary");
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.getByTestId("refi-not-imported").innerText()).resolves.toBe("Not imported: 1 set.");
    await expect(summary.getByTestId("refi-coders").innerText()).resolves.toMatch(/Ana: 1 coding\s+Cleo: 0 codings/);
    const positions = summary.getByTestId("refi-positions");
    const text = await positions.innerText();
    expect(text).toContain("The evidence for how this file counts positions is weak");
    expect(text).toContain("Passages as they would be placed:");
    await expect(positions.getByRole("listitem").filter({ hasText: "Talk (Cost)" }).locator("q").innerText()).resolves.toBe("We pay");
    const row = positions.getByRole("row").filter({ hasText: "Talk" });
    await expect(row.getByRole("cell").allInnerTexts()).resolves.toEqual(["Talk", "Cost (Ana)", "“We pay”", "“e pay ”"]);
    // Nothing is written on an ambiguous reading until the importer confirms it.
    await expect(summary.innerText()).resolves.toContain("Nothing imported yet");
    await summary.getByRole("button", { name: "Import with this reading" }).click();
    await summary.getByText("Imported as a new project:").waitFor({ timeout: 60_000 });
    await summary.getByRole("link", { name: "Weak evidence" }).click();
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname));
    await page.context().close();
  });
});
