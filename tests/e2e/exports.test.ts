import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import Papa from "papaparse";
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
  // A viewer: exports are reading, so the least role may take them.
  page = await signedInPage(browser, appUrl, "viewer@demo.grounded.test");
});
afterAll(async () => {
  await browser?.close();
});

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const csv = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;

describe("exports of a slice", () => {
  it("a viewer goes from the project page to Exports and downloads one interview's codings as CSV and as Excel: the rows the whole-project export has for it", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    await page.getByRole("link", { name: "Export codings or quotes of a code, interview or case" }).click();
    await page.waitForURL(`${appUrl}/projects/${demoProjectId}/exports`);

    await page.getByRole("radio", { name: "An interview" }).check();
    const interview = page.getByRole("combobox", { name: "Interview" });
    const title = (await interview.locator("option").nth(2).innerText()).trim();
    await interview.selectOption({ label: title });
    await page.getByRole("radio", { name: "CSV (UTF-8)" }).check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download codings (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^codings-[A-Za-z0-9._-]+\.csv$/);
    const rows = csv((await bytes(await download.createReadStream())).toString("utf8"));

    const everything = csv(await (await page.request.get(`${appUrl}/api/projects/${demoProjectId}/codings/csv`)).text());
    const want = everything.filter((r) => r.document === title);
    expect(want.length).toBeGreaterThan(0);
    expect(rows).toEqual(want);

    await page.getByRole("radio", { name: "Excel workbook (.xlsx)" }).check();
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download codings (Excel)" }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(await xlsx.createReadStream())) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Codings")!;
    expect(sheet.actualRowCount).toBe(want.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(title);
  });

  it("downloads a theme's quotes as Word from its theme page, one citation per coded passage (double-coded ones once), no analyst named", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/exports`);
    const code = page.getByRole("combobox", { name: "Code" });
    const codeId = await code.inputValue();
    await page.goto(`${appUrl}/projects/${demoProjectId}/themes/${codeId}`);
    const name = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export quotes (Word)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quotes-[A-Za-z0-9._-]+\.docx$/);
    const xml = new TextDecoder().decode(unzipSync(await bytes(await download.createReadStream()))["word/document.xml"]);
    expect(xml).toContain(name.replace(/&/g, "&amp;"));

    const rows = csv(await (await page.request.get(`${appUrl}/api/projects/${demoProjectId}/export/slice?slice=code&id=${codeId}&subcodes=1&format=csv`)).text());
    expect(rows.length).toBeGreaterThan(0);
    // A passage coded by both analysts is quoted once.
    expect(xml.match(/— [^<]*, ¶ \d+/g)).toHaveLength(new Set(rows.map((r) => `${r.document}:${r.start}:${r.end}`)).size);
    for (const analyst of new Set(rows.map((r) => r.analyst))) expect(xml).not.toContain(analyst);
  });
});
