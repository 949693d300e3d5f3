import type { Readable } from "node:stream";
import { unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function bytes(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

describe("a .qdpx for the tool that will open it", () => {
  it("a viewer chooses NVivo on the exports page, by keyboard, and gets a file named for it with CRLF sources", async () => {
    const page = await signedInPage(browser, appUrl, "viewer@demo.grounded.test");
    await page.goto(`${appUrl}/projects/${demoProjectId}/exports`);
    const tool = page.getByRole("combobox", { name: "Open it in" });
    await expect(tool.inputValue()).resolves.toBe("standard");
    await tool.focus();
    await tool.selectOption("nvivo");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .qdpx" }).press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/ for NVivo\.qdpx$/);
    const files = unzipSync(await bytes((await download.createReadStream())!));
    const sources = Object.keys(files).filter((name) => name.startsWith("sources/"));
    expect(sources.length).toBeGreaterThan(0);
    const text = new TextDecoder().decode(files[sources[0]]);
    expect(text).toContain("\r\n");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    await page.context().close();
  });

  it("an unknown target is refused with a message naming the choices", async () => {
    const page = await signedInPage(browser, appUrl, "viewer@demo.grounded.test");
    const response = await page.request.get(`${appUrl}/api/projects/${demoProjectId}/export/qdpx?target=word`);
    expect(response.status()).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/nvivo/);
    await page.context().close();
  });
});
