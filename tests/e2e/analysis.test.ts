import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, appUrl, "owner@demo.grounded.test");
});
afterAll(async () => {
  await browser?.close();
});

describe("theme summaries and the findings report", () => {
  it("shows coverage under a visible coder selection, and every number leads to its passages and their place in the transcript", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/summaries`);
    await expect(page.getByTestId("selection-label").first().innerText()).resolves.toMatch(/Any analyst/);
    const row = page.getByTestId("summaries-table").getByRole("row", { name: /Cost versus value/ });
    const interviews = await row.getByRole("link", { name: /of 32/ }).innerText();
    expect(interviews).toMatch(/^\d+ of 32$/);
    await expect(page.locator("figure > svg[aria-labelledby] title").first().textContent()).resolves.toMatch(/share of interviews/);

    // Choose one analyst: the label changes with the figures.
    await page.getByRole("combobox", { name: "Whose coding counts" }).selectOption({ label: "Ana Analyst (A) only" });
    await page.getByRole("button", { name: "Apply" }).first().click();
    await page.waitForURL(/coders=coder/);
    await expect(page.getByTestId("selection-label").first().innerText()).resolves.toMatch(/Ana Analyst \(A\)'s coding only/);

    await page.getByTestId("summaries-table").getByRole("row", { name: /Cost versus value/ }).getByRole("link", { name: /of 32/ }).click();
    await page.waitForURL(/\/quotes\?/);
    await expect(page.getByTestId("selection-label").innerText()).resolves.toMatch(/passages\. Whose coding counts: Ana Analyst \(A\)'s coding only/);
    const quoted = (await page.getByTestId("quote").first().locator("blockquote").innerText()).replace(/^“|”$/g, "");
    await page.getByTestId("quote-list").getByRole("link", { name: "open in the transcript" }).first().click();
    await page.waitForURL(/documents\/.+\?start=\d+&end=\d+/);
    await page.locator("[data-testid=transcript][data-ready=true]").waitFor();
    // The passage is highlighted and scrolled into view.
    const flashed = page.locator("[data-testid=transcript] .grounded-flash");
    await flashed.first().waitFor();
    await expect.poll(() => flashed.first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; })).toBe(true);
    const flashedText = (await flashed.allInnerTexts()).join("").replace(/\s+/g, "");
    expect(flashedText).toContain(quoted.replace(/\s+/g, "").slice(0, 25));
  });

  it("downloads a chart as a standalone SVG and as a PNG drawn from it", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/summaries`);
    const chart = page.locator("figure").filter({ has: page.locator("svg[aria-labelledby]") }).first();
    const viewBox = (await chart.locator("svg").getAttribute("viewBox"))!.split(" ").map(Number);

    const [svgDownload] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "Download SVG" }).click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
    const svg = await streamText(await svgDownload.createReadStream());
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("<title");

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "Download PNG" }).click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = await streamBytes(await pngDownload.createReadStream());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: drawn at twice the chart's size, for print.
    expect(png.readUInt32BE(16)).toBe(viewBox[2] * 2);
    expect(png.readUInt32BE(20)).toBe(viewBox[3] * 2);
  });

  it("computes the report's figures, flags 'nine out of ten' as unsupported, and exports Markdown", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/findings`);
    const findings = page.getByTestId("finding");
    expect(await findings.count()).toBeGreaterThanOrEqual(14);
    const tfOnly = findings.filter({ hasText: "using only TensorFlow" }).first();
    await expect(tfOnly.getByTestId("computed").innerText()).resolves.toBe("36%");
    await expect(tfOnly.getByTestId("match").count()).resolves.toBe(1);
    const nineOutOfTen = findings.filter({ hasText: /nine out of ten/i }).first();
    await expect(nineOutOfTen.getByTestId("computed").innerText()).resolves.toBe("84%");
    await expect(nineOutOfTen.getByTestId("mismatch").innerText()).resolves.toMatch(/does not support/);
    const markdown = await page.request.get(`${appUrl}/api/projects/${demoProjectId}/findings/markdown`);
    expect(markdown.status()).toBe(200);
    expect(await markdown.text()).toMatch(/\*\*Does not match the data\.\*\*/);
    const csv = await page.request.get(`${appUrl}/api/projects/${demoProjectId}/codings/csv`);
    const header = (await csv.text()).split("\n")[0];
    expect(header).toContain("document,case,code,code path,analyst,start,end,quote,memo");
    expect(header).toContain("case: sector");
  });

  it("lets an analyst add a finding whose figure is computed at once, then delete it", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/findings`);
    const before = await page.getByTestId("finding").count();
    const form = page.getByRole("form", { name: "New finding" });
    await form.getByLabel("Statement").fill("Profits come up in over half of the interviews.");
    // The code is found by typing (the page no longer lists the codebook as <option>s).
    await form.getByLabel("Code").fill("Profits");
    await form.getByRole("option", { name: /^Profits/ }).first().click();
    await expect(form.getByLabel("Code").inputValue()).resolves.toBe("Profits");
    await form.getByRole("button", { name: "Add finding" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=finding]").length === n + 1, before);
    const added = page.getByTestId("finding").filter({ hasText: "Profits come up" });
    await expect(added.getByTestId("computed").innerText()).resolves.toMatch(/^\d+%$/);
    page.once("dialog", (d) => void d.accept());
    await added.getByRole("button", { name: "Delete" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=finding]").length === n, before);
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const streamText = async (stream: NodeJS.ReadableStream) => (await streamBytes(stream)).toString("utf8");
